package id.kypso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.config.BundleStore;
import id.kypso.core.config.KeyRings;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.kiosk.printer.EscPosRenderer;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.Refusal;
import id.kypso.kiosk.session.ScanResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slips the kiosk must not accept, scanned after a real provisioning and sync: each is
 * rejected with its own reason and stores nothing.
 */
class KioskRefusalTest {
    @TempDir
    static Path workDir;

    private static DemoResult result;
    private static KioskDatabase database;
    private static CitizenSession session;

    @BeforeAll
    static void playOneCitizen() throws Exception {
        DemoRun run = new DemoRun(workDir, StepLog.silent(), Clock.systemUTC());
        result = run.run();
        database = KioskDatabase.open(workDir.resolve("kiosk").resolve("kiosk.db"));
        session = run.session(workDir.resolve("kiosk"), database,
                workDir.resolve("printer").resolve("refusals.escpos"));
    }

    @Test
    void deskSlip_reachesKioskRegistrations() {
        assertThat(new RegistrationBook(database).find(DemoRun.REGISTRATION))
                .contains(result.slipText());
    }

    @Test
    void slipSurveyedBefore_isRejectedAsAlreadySurveyed() {
        assertRejectedWithoutStoring(result.slipText(), Refusal.ALREADY_SURVEYED);
    }

    @Test
    void slipSignedByAnotherKey_isRejectedAsForged() throws Exception {
        ConfigBundle bundle = new BundleStore(workDir.resolve("kiosk")).load().orElseThrow();
        RegistrationSlip genuine = SlipCodec.decode(result.slipText(), KeyRings.offices(bundle));
        String forged = SlipCodec.encode(genuine, Ed25519.generate().getPrivate());

        assertRejectedWithoutStoring(forged, Refusal.FORGED);
    }

    @Test
    void imageWithoutQrCode_yieldsNoScan() {
        BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = blank.createGraphics();
        graphics.setColor(Color.GRAY);
        graphics.fillRect(0, 0, 640, 480);
        graphics.dispose();

        assertThat(QrCodes.read(blank)).isEmpty();
    }

    @Test
    void damagedSlipText_isRejectedAsUnreadable() {
        String damaged = result.slipText().substring(0, result.slipText().length() - 7);

        assertRejectedWithoutStoring(damaged, Refusal.UNREADABLE);
    }

    @Test
    void ticketScannedAsSlip_isRejected() {
        String ticketText = QrCodes.read(EscPosRenderer.render(result.printedBytes()))
                .orElseThrow();

        assertRejectedWithoutStoring(ticketText, Refusal.TICKET_SCANNED);
    }

    private static void assertRejectedWithoutStoring(String text, Refusal expected) {
        Outbox outbox = new Outbox(database, Clock.systemUTC(), UUID::randomUUID);
        long recordsBefore = outbox.count("PENDING") + outbox.count("SENT");

        ScanResult scan = session.scan(text);

        assertThat(scan).isEqualTo(new ScanResult.Rejected(expected));
        assertThat(session.isOpen()).isFalse();
        assertThat(outbox.count("PENDING") + outbox.count("SENT")).isEqualTo(recordsBefore);
    }
}
