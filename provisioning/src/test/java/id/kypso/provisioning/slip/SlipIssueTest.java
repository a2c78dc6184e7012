package id.kypso.provisioning.slip;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.Nik;
import id.kypso.core.identity.Nip;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.slip.StageOfficer;
import id.kypso.provisioning.office.OfficeFolder;
import id.kypso.provisioning.testing.Cli;
import id.kypso.provisioning.testing.LogCapture;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlipIssueTest {
    static final String NIK = "3273014506900001";
    static final String VERIFIER = "198503122010011001";
    static final String RECORDER = "199001052015032002";

    @TempDir
    Path temp;
    Path officeDir;

    @BeforeEach
    void createOffice() {
        officeDir = temp.resolve("office");
        Cli.Result created = new Cli().run("office", "create", "--office-dir",
                officeDir.toString(), "--office", "3273-01", "--name", "Disdukcapil Kota Bandung");
        assertThat(created.code()).as(created.toString()).isZero();
    }

    @Test
    void slipPng_decodesBackToTheSameSlip() throws Exception {
        Path png = temp.resolve("slip.png");

        Cli.Result result = issue("--nik", NIK, "--registration", "3273-20261204-0001",
                "--perekaman-time", "2026-12-04T09:15", "--officer", "VERIFIKASI=" + VERIFIER,
                "--officer", "PEREKAMAN=" + RECORDER, "--out", png.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        OfficeFolder office = OfficeFolder.load(officeDir);
        RegistrationSlip expected = new RegistrationSlip(office.officeId(),
                "3273-20261204-0001", Instant.parse("2026-12-04T02:15:00Z"),
                MaskedNik.of(Nik.parse(NIK)),
                new NikDigest(office.bindingSecret()).digest(Nik.parse(NIK)),
                List.of(new StageOfficer(ServiceStage.VERIFIKASI, Nip.parse(VERIFIER)),
                        new StageOfficer(ServiceStage.PEREKAMAN, Nip.parse(RECORDER))),
                1);
        assertThat(decode(png, office)).isEqualTo(expected);
    }

    @Test
    void slipPng_isOneReceiptWide() throws Exception {
        Path png = temp.resolve("slip.png");
        issue("--nik", NIK, "--registration", "3273-20261204-0001", "--officer",
                "PEREKAMAN=" + RECORDER, "--out", png.toString(), "--width", "384");

        BufferedImage image = ImageIO.read(png.toFile());

        assertThat(image.getWidth()).isEqualTo(384);
        assertThat(QrCodes.read(image)).isPresent();
    }

    @Test
    void fullNik_isNeverPrintedOrLogged() {
        Path png = temp.resolve("slip.png");
        Cli.Result result;
        String log;
        try (LogCapture capture = new LogCapture()) {
            result = issue("--nik", NIK, "--registration", "3273-20261204-0001", "--officer",
                    "PEREKAMAN=" + RECORDER, "--out", png.toString());
            issue("--nik", "3273019906900001", "--registration", "3273-20261204-0002",
                    "--officer", "PEREKAMAN=" + RECORDER, "--out", png.toString());
            log = capture.text();
        }

        assertThat(result.code()).isZero();
        assertThat(result.all()).contains("3273********0001").doesNotContain(NIK);
        assertThat(log).contains("Issued slip").doesNotContain(NIK)
                .doesNotContain("3273019906900001");
    }

    @Test
    void badNik_isRejectedWithoutEchoingIt() {
        Cli.Result shortNik = issue("--nik", "32730145069000", "--registration", "REG-0001",
                "--officer", "PEREKAMAN=" + RECORDER, "--out", temp.resolve("a.png").toString());
        Cli.Result badDate = issue("--nik", "3273019913900001", "--registration", "REG-0001",
                "--officer", "PEREKAMAN=" + RECORDER, "--out", temp.resolve("a.png").toString());

        assertThat(shortNik.code()).isEqualTo(3);
        assertThat(shortNik.err()).contains("a NIK is 16 digits; the one given has 14")
                .doesNotContain("32730145069000");
        assertThat(badDate.code()).isEqualTo(3);
        assertThat(badDate.err()).contains("date of birth digits of NIK 3273********0001")
                .doesNotContain("3273019913900001");
        assertThat(temp.resolve("a.png")).doesNotExist();
    }

    @Test
    void badNip_isRejectedWithTheValue() {
        Cli.Result result = issue("--nik", NIK, "--registration", "REG-0001", "--officer",
                "PEREKAMAN=19900105201503200", "--out", temp.resolve("a.png").toString());

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("NIP \"19900105201503200\" is invalid")
                .contains("18 digits");
    }

    @Test
    void unknownStage_isRejected() {
        Cli.Result result = issue("--nik", NIK, "--registration", "REG-0001", "--officer",
                "FOTO=" + RECORDER, "--out", temp.resolve("a.png").toString());

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("stage \"FOTO\" is unknown")
                .contains("VERIFIKASI, PEREKAMAN or PENGAMBILAN");
    }

    @Test
    void missingOfficeFolder_isAFileProblem() {
        Cli.Result result = new Cli().run("slip", "issue", "--office-dir",
                temp.resolve("nowhere").toString(), "--nik", NIK, "--registration", "REG-0001",
                "--officer", "PEREKAMAN=" + RECORDER, "--out", temp.resolve("a.png").toString());

        assertThat(result.code()).isEqualTo(4);
        assertThat(result.err()).contains("no office identity in").contains("office create");
    }

    @Test
    void batch_writesOneVerifiedSlipPerRow() throws Exception {
        Path csv = temp.resolve("citizens.csv");
        Files.writeString(csv, """
                nik,registration,perekaman_time,verifikasi_nip,perekaman_nip,pengambilan_nip
                3273014506900001,3273/2026/0001,2026-12-04T09:15,%s,%s,
                3273010101850002,3273/2026/0002,2026-12-04T09:20,,%s,
                """.formatted(VERIFIER, RECORDER, RECORDER));
        Path out = temp.resolve("slips");

        Cli.Result result = issue("--batch", csv.toString(), "--out-dir", out.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        OfficeFolder office = OfficeFolder.load(officeDir);
        RegistrationSlip first = decode(out.resolve("3273_2026_0001.png"), office);
        RegistrationSlip second = decode(out.resolve("3273_2026_0002.png"), office);
        assertThat(first.officers()).hasSize(2);
        assertThat(second.officers()).containsExactly(
                new StageOfficer(ServiceStage.PEREKAMAN, Nip.parse(RECORDER)));
        assertThat(second.maskedNik().toString()).isEqualTo("3273********0002");
        assertThat(result.all()).doesNotContain("3273010101850002");
    }

    @Test
    void batchWithBadRow_writesNothing() throws Exception {
        Path csv = temp.resolve("citizens.csv");
        Files.writeString(csv, """
                nik;registration;perekaman_nip
                3273014506900001;REG-0001;%s
                3273010101850002;REG-0002;12345
                """.formatted(RECORDER));
        Path out = temp.resolve("slips");

        Cli.Result result = issue("--batch", csv.toString(), "--out-dir", out.toString());

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("line 3:").contains("NIP \"12345\" is invalid");
        assertThat(out).doesNotExist();
    }

    private Cli.Result issue(String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "slip";
        args[1] = "issue";
        args[2] = "--office-dir";
        args[3] = officeDir.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return new Cli().run(args);
    }

    private static RegistrationSlip decode(Path png, OfficeFolder office) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        String text = QrCodes.read(image).orElseThrow();
        return SlipCodec.decode(text, new MapKeyRing().put("3273-01", 1, office.publicKey()));
    }
}
