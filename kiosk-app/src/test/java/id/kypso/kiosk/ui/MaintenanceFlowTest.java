package id.kypso.kiosk.ui;

import static id.kypso.kiosk.ui.FxTesting.text;
import static id.kypso.kiosk.ui.FxTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.config.BundleStore;
import id.kypso.core.survey.Question;
import id.kypso.kiosk.maintenance.MaintenanceService;
import id.kypso.kiosk.maintenance.PinStore;
import id.kypso.kiosk.maintenance.TrackingPrinter;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.InstalledConfig;
import id.kypso.kiosk.session.Messages;
import id.kypso.kiosk.testing.TestKiosk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MaintenanceFlowTest {
    private static final Messages ID = Messages.of("id");

    @TempDir
    static Path tempRoot;

    TestKiosk kiosk;
    TrackingPrinter printer;
    CitizenSession session;
    MaintenanceModel model;
    CitizenModel citizen;
    Scene scene;
    int exits;
    ExecutorService background = Executors.newSingleThreadExecutor();
    Screenshots screenshots = new Screenshots();

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new TestKiosk(Files.createTempDirectory(tempRoot, "maintenance"));
        printer = new TrackingPrinter(kiosk.printer, kiosk.clock);
        InstalledConfig config = new InstalledConfig(new BundleStore(kiosk.dataDir));
        session = new CitizenSession(kiosk.identity, config, kiosk.ledger, printer, kiosk.clock,
                java.util.UUID::randomUUID);
        citizen = new CitizenModel(session, background, kiosk.clock,
                CitizenModel.Timeouts.DEFAULT);
        PinStore pins = new PinStore(kiosk.dataDir, kiosk.clock, 1_000);
        pins.setPin("246810".toCharArray());
        MaintenanceService service = new MaintenanceService(kiosk.identity, kiosk.dataDir,
                kiosk.database, kiosk.outbox, kiosk.ledger, config, printer, session,
                citizen::lastScanAt, kiosk.clock);
        model = new MaintenanceModel(pins, service, background, kiosk.clock, citizen::messages,
                () -> exits++);
        MaintenanceView view = new MaintenanceView(model, ZoneId.of("Asia/Jakarta"));
        scene = KioskWindow.scene(view.root());
        stage.setScene(scene);
        stage.show();
        model.open();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void wrongPin_showsTriesLeft(FxRobot robot) {
        typePin(robot, "1111");

        waitUntil(() -> !model.messageProperty().get().isEmpty());
        assertThat(text(robot, "#maintenanceMessage"))
                .isEqualTo(ID.format("maintenance.pin.wrong", 4));
        assertThat(model.unlockedProperty().get()).isFalse();
    }

    @Test
    void fifthWrongPin_locksThePad(FxRobot robot) {
        for (int i = 0; i < 5; i++) {
            typePin(robot, "1111");
            int attempt = i;
            waitUntil(() -> model.messageProperty().get().contains(attempt < 4 ? ": " : "60"));
        }

        assertThat(text(robot, "#maintenanceMessage"))
                .isEqualTo(ID.format("maintenance.pin.locked", 60));
        typePin(robot, "246810");
        waitUntil(() -> model.messageProperty().get().startsWith("Terkunci"));
        assertThat(model.unlockedProperty().get()).isFalse();
    }

    @Test
    void rightPin_opensHealthPanel(FxRobot robot) {
        screenshots.take(robot, scene, "maintenance-pin-id");
        typePin(robot, "246810");

        waitUntil(() -> model.healthProperty().get() != null);
        assertThat(text(robot, "#healthUnsent")).startsWith("0 ");
        assertThat(text(robot, "#healthConfig")).contains("3273-01", "kypso-ktpel v1");
        assertThat(text(robot, "#healthService")).isEqualTo(ID.get("maintenance.inService"));
        screenshots.take(robot, scene, "maintenance-panel-id");
    }

    @Test
    void failedTicket_isReprintedFromPanel(FxRobot robot) {
        kiosk.printer.failWith(PrinterFault.PAPER_END);
        completeSurvey("REG-0001");
        kiosk.printer.failWith(null);
        typePin(robot, "246810");
        waitUntil(() -> !model.recentProperty().get().isEmpty());
        assertThat(model.recentProperty().get().get(0).printed()).isFalse();
        assertThat(text(robot, "#healthPrinter")).contains("PAPER_END");
        screenshots.take(robot, scene, "maintenance-print-failed-id");

        robot.clickOn("#reprint-1");

        waitUntil(() -> model.messageProperty().get().equals(ID.get("maintenance.printed")));
        waitUntil(() -> model.recentProperty().get().get(0).printed());
        assertThat(kiosk.printer.printed()).hasSize(1);
        assertThat(kiosk.printer.printed().get(0).qrPayload())
                .isEqualTo(kiosk.ledger.ticketPayload(1).orElseThrow());
    }

    @Test
    void testPage_isPrinted(FxRobot robot) {
        typePin(robot, "246810");
        waitUntil(() -> model.healthProperty().get() != null);

        robot.clickOn("#testPage");

        waitUntil(() -> model.messageProperty().get().equals(ID.get("maintenance.printed")));
        assertThat(kiosk.printer.printed().get(0).shortCode()).isEqualTo("TEST");
    }

    @Test
    void reloadConfig_reportsSuccess(FxRobot robot) {
        typePin(robot, "246810");
        waitUntil(() -> model.healthProperty().get() != null);

        robot.clickOn("#reloadConfig");

        waitUntil(() -> model.messageProperty().get().equals(ID.get("maintenance.reloaded")));
    }

    @Test
    void brokenConfig_isReportedAndOldKept(FxRobot robot) throws Exception {
        typePin(robot, "246810");
        waitUntil(() -> model.healthProperty().get() != null);
        Files.writeString(kiosk.dataDir.resolve("config/bundle.json"), "{\"format\": 1}");

        robot.clickOn("#reloadConfig");

        waitUntil(() -> model.messageProperty().get().startsWith("Konfigurasi baru tidak"));
        waitUntil(() -> model.healthProperty().get().configProblem().isPresent());
        assertThat(text(robot, "#healthConfig")).contains("3273-01");
        assertThat(session.scan(kiosk.slip("REG-0009")))
                .isInstanceOf(id.kypso.kiosk.session.ScanResult.Accepted.class);
    }

    @Test
    void exitButton_returnsToCitizenMode(FxRobot robot) {
        robot.clickOn("#maintenanceExit");

        assertThat(exits).isEqualTo(1);
    }

    @Test
    void idlePanel_closesByItself(FxRobot robot) {
        typePin(robot, "246810");
        waitUntil(() -> model.unlockedProperty().get());

        kiosk.clock.advance(Duration.ofMinutes(2));
        robot.interact(model::tick);

        assertThat(exits).isEqualTo(1);
        assertThat(model.unlockedProperty().get()).isFalse();
    }

    @Test
    void englishPanel_forScreenshots(FxRobot robot) {
        robot.interact(citizen::toggleLanguage);
        // The maintenance language follows the citizen screen's language when it is built.
        PinStore pins = new PinStore(kiosk.dataDir, kiosk.clock, 1_000);
        MaintenanceService service = new MaintenanceService(kiosk.identity, kiosk.dataDir,
                kiosk.database, kiosk.outbox, kiosk.ledger,
                new InstalledConfig(new BundleStore(kiosk.dataDir)), printer, session,
                citizen::lastScanAt, kiosk.clock);
        robot.interact(() -> {
            model = new MaintenanceModel(pins, service, background, kiosk.clock,
                    citizen::messages, () -> exits++);
            scene.setRoot(new MaintenanceView(model, ZoneId.of("Asia/Jakarta")).root());
            model.open();
        });
        screenshots.take(robot, scene, "maintenance-pin-en");
        typePin(robot, "246810");
        waitUntil(() -> model.healthProperty().get() != null);
        screenshots.take(robot, scene, "maintenance-panel-en");

        assertThat(text(robot, "#healthService")).isEqualTo("Kiosk in service");
    }

    private void typePin(FxRobot robot, String pin) {
        for (char digit : pin.toCharArray()) {
            robot.clickOn("#key-" + digit);
        }
        robot.clickOn("#pinEnter");
    }

    // Prints through the tracking printer, so the panel shows the outcome.
    private void completeSurvey(String registration) {
        CitizenSession direct = new CitizenSession(kiosk.identity,
                () -> Optional.of(kiosk.bundle), kiosk.ledger, printer, kiosk.clock,
                java.util.UUID::randomUUID);
        direct.scan(kiosk.slip(registration));
        for (int officer = 0; officer < 2; officer++) {
            for (Question question : direct.questions()) {
                direct.answer(officer, question.id(), 4);
            }
        }
        direct.complete();
    }
}
