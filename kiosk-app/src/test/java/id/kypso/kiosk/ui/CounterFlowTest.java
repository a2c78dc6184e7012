package id.kypso.kiosk.ui;

import static id.kypso.kiosk.ui.FxTesting.text;
import static id.kypso.kiosk.ui.FxTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.sync.ConfigBundle;
import id.kypso.kiosk.counter.TicketCheck;
import id.kypso.kiosk.counter.Verdict;
import id.kypso.kiosk.session.Messages;
import id.kypso.kiosk.testing.TestKiosk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class CounterFlowTest {
    private static final Messages ID = Messages.of("id");

    @TempDir
    static Path tempRoot;

    TestKiosk kiosk;
    CounterModel model;
    Scene scene;
    ExecutorService background = Executors.newSingleThreadExecutor();
    Screenshots screenshots = new Screenshots();

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new TestKiosk(Files.createTempDirectory(tempRoot, "counter"));
        ConfigBundle bundle = new ConfigBundle(kiosk.bundle.format(), kiosk.bundle.officeId(),
                kiosk.bundle.officeName(), kiosk.bundle.officeKeys(), kiosk.bundle.kioskKeys(),
                kiosk.bundle.roster(), kiosk.bundle.survey(), List.of("3273-01-K01/13"));
        TicketCheck check = new TicketCheck("3273-01-K90", () -> Optional.of(bundle),
                kiosk.database, kiosk.outbox, Optional.empty(), kiosk.clock);
        model = new CounterModel(check, background, "id");
        CounterView view = new CounterView(model, "Loket pengambilan 1 (3273-01-K90)",
                ZoneId.of("Asia/Jakarta"));
        scene = KioskWindow.scene(view.root());
        view.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void wedgeScans_showValidThenAlreadyUsed(FxRobot robot) {
        screenshots.take(robot, scene, "counter-waiting-id");
        ScannerBurst.scan(robot, scene, kiosk.ticket(12));

        waitFor(Verdict.VALID);
        assertThat(text(robot, "#counterVerdict")).isEqualTo(ID.get("counter.VALID"));
        assertThat(text(robot, "#counterNik")).isEqualTo("3273********0001");
        assertThat(text(robot, "#counterRegistration")).isEqualTo("REG-0001");
        screenshots.take(robot, scene, "counter-valid-id");

        robot.interact(model::clear);
        robot.interact(() -> model.onScan(kiosk.ticket(12)));

        waitFor(Verdict.ALREADY_USED);
        assertThat(text(robot, "#counterVerdict")).isEqualTo(ID.get("counter.ALREADY_USED"));
        screenshots.take(robot, scene, "counter-already-used-id");
    }

    @Test
    void slipScannedAtCounter_isInvalidWithReason(FxRobot robot) {
        robot.interact(() -> model.onScan(kiosk.slip("REG-0001")));

        waitFor(Verdict.INVALID);
        assertThat(text(robot, "#counterAction")).isEqualTo(ID.format("counter.INVALID.action",
                ID.get("counter.reason.WRONG_KIND")));
        screenshots.take(robot, scene, "counter-invalid-id");
    }

    @Test
    void revokedTicket_isShownRevoked(FxRobot robot) {
        robot.interact(() -> model.onScan(kiosk.ticket(13)));

        waitFor(Verdict.REVOKED);
        assertThat(text(robot, "#counterVerdict")).isEqualTo(ID.get("counter.REVOKED"));
        screenshots.take(robot, scene, "counter-revoked-id");
    }

    @Test
    void englishCounter_showsEnglishVerdict(FxRobot robot) {
        robot.clickOn("#languageToggle");
        screenshots.take(robot, scene, "counter-waiting-en");
        robot.interact(() -> model.onScan(kiosk.ticket(14)));
        waitFor(Verdict.VALID);
        screenshots.take(robot, scene, "counter-valid-en");
        robot.interact(() -> model.onScan(kiosk.ticket(14)));
        waitUntil(() -> !model.checkingProperty().get()
                && model.resultProperty().get().verdict() == Verdict.ALREADY_USED);
        screenshots.take(robot, scene, "counter-already-used-en");
        robot.interact(() -> model.onScan(kiosk.ticket(13)));
        waitFor(Verdict.REVOKED);
        screenshots.take(robot, scene, "counter-revoked-en");
        robot.interact(() -> model.onScan("KT1:ABC"));
        waitFor(Verdict.INVALID);
        screenshots.take(robot, scene, "counter-invalid-en");

        assertThat(text(robot, "#counterVerdict")).isEqualTo("Ticket not valid");
    }

    private void waitFor(Verdict verdict) {
        waitUntil(() -> !model.checkingProperty().get() && model.resultProperty().get() != null
                && model.resultProperty().get().verdict() == verdict);
    }
}
