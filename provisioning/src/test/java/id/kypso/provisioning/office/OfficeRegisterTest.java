package id.kypso.provisioning.office;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.qr.QrCodes;
import id.kypso.provisioning.kiosk.EnrollmentQr;
import id.kypso.provisioning.testing.Cli;
import id.kypso.provisioning.testing.FakeAggregator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeRegisterTest {
    static final String RECORDER = "199001052015032002";
    static final String VERIFIER = "198503122010011001";

    @TempDir
    Path temp;
    Path officeDir;
    FakeAggregator aggregator;

    @BeforeEach
    void setUp() throws Exception {
        aggregator = new FakeAggregator();
        officeDir = temp.resolve("office");
        new Cli().run("office", "create", "--office-dir", officeDir.toString(), "--office",
                "3273-01", "--name", "Disdukcapil Kota Bandung");
    }

    @AfterEach
    void tearDown() {
        aggregator.close();
    }

    @Test
    void register_upsertsTheOfficePublicKey() throws Exception {
        Cli.Result result = register();

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(aggregator.offices().get("3273-01").path("publicKey").asText())
                .isEqualTo(Files.readString(officeDir.resolve("office.pub")).strip());
        assertThat(aggregator.offices().get("3273-01").path("keyVersion").asInt()).isEqualTo(1);
        assertThat(register().code()).isZero();
    }

    @Test
    void register_uploadsCsvRosterWithPhotos() throws Exception {
        byte[] photo = png();
        Files.write(temp.resolve("rina.png"), photo);
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, """
                nip,name,stage,photo
                %s,"Rina Wulandari, S.Kom",perekaman,rina.png
                %s,Budi Santoso,VERIFIKASI,
                """.formatted(RECORDER, VERIFIER));

        Cli.Result result = register("--roster", roster.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("2 officers, 1 with a photo");
        var uploaded = aggregator.rosters().get("3273-01");
        assertThat(uploaded).hasSize(2);
        assertThat(uploaded.get(0).path("name").asText()).isEqualTo("Rina Wulandari, S.Kom");
        assertThat(uploaded.get(0).path("stage").asText()).isEqualTo("PEREKAMAN");
        assertThat(Base64.getDecoder().decode(uploaded.get(0).path("photo").asText()))
                .isEqualTo(photo);
        assertThat(uploaded.get(1).path("photo").isNull()).isTrue();
    }

    @Test
    void jsonRosterWithNullPhoto_isUploaded() throws Exception {
        Path roster = temp.resolve("roster.json");
        Files.writeString(roster, """
                [{"nip": "%s", "name": "Budi Santoso", "stage": "VERIFIKASI", "photo": null},
                 {"nip": "%s", "name": "Siti Rahmawati", "stage": "PEREKAMAN"}]
                """.formatted(VERIFIER, RECORDER));

        Cli.Result result = register("--roster", roster.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(aggregator.rosters().get("3273-01")).hasSize(2);
        assertThat(aggregator.rosters().get("3273-01").get(0).path("photo").isNull()).isTrue();
    }

    @Test
    void badRoster_isRejectedBeforeAnyCall() throws Exception {
        Path roster = temp.resolve("roster.json");
        Files.writeString(roster, """
                [{"nip": "%s", "name": "Rina", "stage": "PEREKAMAN"},
                 {"nip": "1234", "name": "Budi", "stage": "KASIR"},
                 {"nip": "%s", "name": "Rina lagi", "stage": "PEREKAMAN"}]
                """.formatted(RECORDER, RECORDER));

        Cli.Result result = register("--roster", roster.toString());

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("entry 2: NIP must be 18 digits: 1234")
                .contains("entry 2: stage must be VERIFIKASI")
                .contains("entry 3: NIP " + RECORDER + " is listed twice")
                .contains("Nothing was sent");
        assertThat(aggregator.offices()).isEmpty();
    }

    @Test
    void wrongAdminToken_pointsToTokenFile() {
        Cli.Result result = new Cli().run("office", "register", "--office-dir",
                officeDir.toString(), "--aggregator", aggregator.url(), "--admin-token", "wrong");

        assertThat(result.code()).isEqualTo(6);
        assertThat(result.err()).contains("rejected the admin token (HTTP 401")
                .contains("admin.token");
    }

    @Test
    void stoppedAggregator_givesServerAdvice() {
        String url = aggregator.url();
        aggregator.close();

        Cli.Result result = new Cli().run("office", "register", "--office-dir",
                officeDir.toString(), "--aggregator", url, "--admin-token",
                FakeAggregator.ADMIN_TOKEN);

        assertThat(result.code()).isEqualTo(5);
        assertThat(result.err()).contains("cannot be reached")
                .contains("nothing accepts connections").contains("server is running");
    }

    @Test
    void enrollmentToken_printsTokenAndWritesReadableQr() throws Exception {
        register();
        Path qr = temp.resolve("enroll.png");

        Cli.Result result = new Cli().run("office", "enrollment-token", "--office-dir",
                officeDir.toString(), "--aggregator", aggregator.url(), "--admin-token",
                FakeAggregator.ADMIN_TOKEN, "--qr-out", qr.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        String text = QrCodes.read(ImageIO.read(qr.toFile())).orElseThrow();
        EnrollmentQr parsed = EnrollmentQr.parse(text);
        assertThat(parsed.aggregatorUrl()).isEqualTo(aggregator.url());
        assertThat(result.out()).contains(parsed.token()).contains(text);
    }

    @Test
    void enrollmentTokenQuiet_printsOnlyTheToken() {
        register();

        Cli.Result result = new Cli().run("office", "enrollment-token", "--office-dir",
                officeDir.toString(), "--aggregator", aggregator.url(), "--admin-token",
                FakeAggregator.ADMIN_TOKEN, "--quiet");

        assertThat(result.code()).isZero();
        assertThat(result.out().strip()).matches("[0-9a-f]{32}");
    }

    private Cli.Result register(String... extra) {
        String[] base = {"office", "register", "--office-dir", officeDir.toString(),
                "--aggregator", aggregator.url(), "--admin-token", FakeAggregator.ADMIN_TOKEN};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return new Cli().run(args);
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", bytes);
        return bytes.toByteArray();
    }
}
