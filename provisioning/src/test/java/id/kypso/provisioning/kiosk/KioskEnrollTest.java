package id.kypso.provisioning.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.config.BundleStore;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.provisioning.testing.Cli;
import id.kypso.provisioning.testing.FakeAggregator;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskEnrollTest {
    @TempDir
    Path temp;
    Path officeDir;
    Path dataDir;
    FakeAggregator aggregator;

    @BeforeEach
    void setUp() throws Exception {
        aggregator = new FakeAggregator();
        officeDir = temp.resolve("office");
        dataDir = temp.resolve("kiosk");
        new Cli().run("office", "create", "--office-dir", officeDir.toString(), "--office",
                "3273-01", "--name", "Disdukcapil Kota Bandung");
        new Cli().run("office", "register", "--office-dir", officeDir.toString(),
                "--aggregator", aggregator.url(), "--admin-token", FakeAggregator.ADMIN_TOKEN);
    }

    @AfterEach
    void tearDown() {
        aggregator.close();
    }

    @Test
    void create_writesIdentityTheKioskAppCanLoad() throws Exception {
        Cli.Result result = createKiosk();

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dataDir.resolve("kiosk.key")))).isEqualTo("rw-------");
        KioskIdentity identity = KioskIdentity.load(dataDir);
        assertThat(identity.kioskId().toString()).isEqualTo("3273-01-K01");
        assertThat(identity.keyVersion()).isEqualTo(1);
        assertThat(identity.aggregatorUrl()).isEqualTo(aggregator.url());
    }

    @Test
    void createTwice_keepsTheFirstKey() throws Exception {
        createKiosk();
        String key = Files.readString(dataDir.resolve("kiosk.key"));

        Cli.Result again = createKiosk();

        assertThat(again.code()).isEqualTo(4);
        assertThat(again.err()).contains("already a kiosk key").contains("rotate-key");
        assertThat(Files.readString(dataDir.resolve("kiosk.key"))).isEqualTo(key);
    }

    @Test
    void badKioskId_isRejected() {
        Cli.Result result = new Cli().run("kiosk", "create", "--data-dir", dataDir.toString(),
                "--kiosk", "3273-01-01");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("kiosk id \"3273-01-01\" is invalid")
                .contains("3273-01-K01");
    }

    @Test
    void enrollWithToken_registersKeyAndInstallsConfig() throws Exception {
        createKiosk();

        Cli.Result result = new Cli().run("kiosk", "enroll", "--data-dir", dataDir.toString(),
                "--token", token());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(aggregator.kioskKeys().get("3273-01-K01"))
                .isEqualTo(Files.readString(dataDir.resolve("kiosk.pub")).strip());
        ConfigBundle bundle = new BundleStore(dataDir).load().orElseThrow();
        assertThat(bundle.officeId()).isEqualTo("3273-01");
        assertThat(bundle.officeKeys().get(0).publicKey())
                .isEqualTo(Files.readString(officeDir.resolve("office.pub")).strip());
        assertThat(result.out()).contains("enrolled for office 3273-01")
                .contains("Config installed");
        String properties = Files.readString(dataDir.resolve("kiosk.properties"));
        assertThat(properties).contains("office.id=3273-01")
                .contains("kiosk.enrolledAt=2026-12-04T03:00:00Z");
    }

    @Test
    void enrollWithQrImage_usesItsUrlAndToken() throws Exception {
        new Cli().run("kiosk", "create", "--data-dir", dataDir.toString(), "--kiosk",
                "3273-01-K02");
        Path qr = temp.resolve("enroll.png");
        new Cli().run("office", "enrollment-token", "--office-dir", officeDir.toString(),
                "--aggregator", aggregator.url(), "--admin-token", FakeAggregator.ADMIN_TOKEN,
                "--qr-out", qr.toString());

        Cli.Result result = new Cli().run("kiosk", "enroll", "--data-dir", dataDir.toString(),
                "--qr-image", qr.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(aggregator.kioskKeys()).containsKey("3273-01-K02");
        assertThat(KioskIdentity.load(dataDir).aggregatorUrl()).isEqualTo(aggregator.url());
    }

    @Test
    void enrollWithCameraFrame_readsTheSmallTiltedQr() throws Exception {
        createKiosk();
        String text = new EnrollmentQr(aggregator.url(), token()).text();
        Path frame = temp.resolve("frame.jpg");
        ImageIO.write(cameraFrame(text), "jpg", frame.toFile());

        Cli.Result result = new Cli().run("kiosk", "enroll", "--data-dir", dataDir.toString(),
                "--qr-image", frame.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(aggregator.kioskKeys()).containsKey("3273-01-K01");
    }

    @Test
    void imageWithoutQr_saysToTakeItAgain() throws Exception {
        createKiosk();
        Path frame = temp.resolve("blank.png");
        ImageIO.write(new BufferedImage(640, 480,
                BufferedImage.TYPE_INT_RGB), "png", frame.toFile());

        Cli.Result result = new Cli().run("kiosk", "enroll", "--data-dir", dataDir.toString(),
                "--qr-image", frame.toString());

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("no QR code could be read").contains("sharp");
    }

    /**
     * Draws {@code text} as a QR code the way a kiosk camera sees a phone or laptop screen:
     * small in a 1280x720 JPEG frame, tilted by 7 degrees, grey on grey.
     */
    private static BufferedImage cameraFrame(String text) {
        BufferedImage qr = QrCodes.draw(text, 3);
        BufferedImage frame = new BufferedImage(1280, 720,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(70, 70, 70));
        g.fillRect(0, 0, 1280, 720);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(7), 640, 360);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER,
                0.6f));
        g.drawImage(qr, 640 - qr.getWidth() / 2, 360 - qr.getHeight() / 2, null);
        g.dispose();
        return frame;
    }

    @Test
    void enrollWithScan_readsQrFromScanner() {
        createKiosk();
        String text = new id.kypso.provisioning.kiosk.EnrollmentQr(aggregator.url(), token())
                .text();

        Cli.Result result = new Cli().input(text + "\r\n").run("kiosk", "enroll",
                "--data-dir", dataDir.toString(), "--scan", "stdin", "--scan-timeout", "5");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(aggregator.kioskKeys()).containsKey("3273-01-K01");
    }

    @Test
    void usedToken_isRejectedWithAdvice() {
        createKiosk();
        String token = token();
        new Cli().run("kiosk", "enroll", "--data-dir", dataDir.toString(), "--token", token);

        Cli.Result again = new Cli().run("kiosk", "enroll", "--data-dir", dataDir.toString(),
                "--token", token);

        assertThat(again.code()).isEqualTo(6);
        assertThat(again.err()).contains("rejected the enrollment token (HTTP 401")
                .contains("office enrollment-token");
    }

    @Test
    void qrTextOfAnotherKind_isRejected() {
        createKiosk();

        Cli.Result result = new Cli().run("kiosk", "enroll", "--data-dir", dataDir.toString(),
                "--qr-text", "KS1:ABCDEF");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("must start with KYPSO-ENROLL:");
    }

    @Test
    void enrollWithoutIdentity_saysToCreateOne() {
        Cli.Result result = new Cli().run("kiosk", "enroll", "--data-dir", dataDir.toString(),
                "--token", "whatever-token");

        assertThat(result.code()).isEqualTo(4);
        assertThat(result.err()).contains("kiosk create");
    }

    @Test
    void enrollmentQr_roundTrips() {
        EnrollmentQr qr = new EnrollmentQr("https://kypso.example.go.id/", "AbC-123_xyz");

        assertThat(qr.text()).isEqualTo("KYPSO-ENROLL:https://kypso.example.go.id#AbC-123_xyz");
        assertThat(EnrollmentQr.parse(qr.text())).isEqualTo(qr);
        assertThat(Ed25519.KEY_LENGTH).isEqualTo(32);
    }

    private Cli.Result createKiosk() {
        return new Cli().run("kiosk", "create", "--data-dir", dataDir.toString(), "--kiosk",
                "3273-01-K01", "--aggregator", aggregator.url());
    }

    private String token() {
        return new Cli().run("office", "enrollment-token", "--office-dir", officeDir.toString(),
                "--aggregator", aggregator.url(), "--admin-token", FakeAggregator.ADMIN_TOKEN,
                "--quiet").out().strip();
    }
}
