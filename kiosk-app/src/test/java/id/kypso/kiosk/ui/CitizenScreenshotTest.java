package id.kypso.kiosk.ui;

import static id.kypso.kiosk.ui.FxTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.StageOfficer;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.Refusal;
import id.kypso.kiosk.session.SlipCheck;
import id.kypso.kiosk.testing.TestKiosk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Walks through every citizen screen in each language and writes a screenshot of it. */
@ExtendWith(ApplicationExtension.class)
class CitizenScreenshotTest {
    @TempDir
    static Path tempRoot;

    TestKiosk kiosk;
    Stage stage;
    Scene scene;
    CitizenModel model;
    CitizenScreens screens;
    ExecutorService background = Executors.newSingleThreadExecutor();
    Screenshots screenshots = new Screenshots();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        kiosk = new TestKiosk(Files.createTempDirectory(tempRoot, "kiosk"));
        show(kiosk.newSession());
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void show(CitizenSession session) {
        model = new CitizenModel(session, background, kiosk.clock,
                CitizenModel.Timeouts.DEFAULT);
        screens = new CitizenScreens(model, "Disdukcapil Kota Bandung",
                kiosk.clock);
        scene = KioskWindow.scene(screens.root());
        stage.setScene(scene);
        stage.show();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "en"})
    void everyCitizenScreen(String language, FxRobot robot) {
        String suffix = "-" + language;
        // The sleeping screen speaks the default language, whatever a citizen chose before.
        robot.interact(() -> model.setDefaultLanguage(language));
        kiosk.clock.advance(CitizenModel.Timeouts.DEFAULT.sleep());
        robot.interact(model::tick);
        waitForScreen(CitizenScreen.ASLEEP);
        shot(robot, "citizen-asleep" + suffix);
        robot.interact(model::touch);
        robot.interact(() -> model.setDefaultLanguage("id"));
        waitForScreen(CitizenScreen.WELCOME);

        english(robot, language);
        shot(robot, "citizen-welcome" + suffix);

        robot.interact(() -> model.onScan(kiosk.slip("REG-0001")));
        waitForScreen(CitizenScreen.QUESTION);
        robot.interact(() -> model.answer(4));
        robot.interact(() -> model.answer(3));
        shot(robot, "citizen-question" + suffix);
        robot.interact(model::back);
        shot(robot, "citizen-question-back" + suffix);

        kiosk.clock.advance(Duration.ofSeconds(78));
        robot.interact(model::tick);
        shot(robot, "citizen-idle-countdown" + suffix);
        robot.interact(model::touch);

        answerRest(robot, 4);
        for (String key : List.of("R", "A", "M", "A", "H")) {
            robot.interact(() -> model.typeComment(key.toLowerCase()));
        }
        shot(robot, "citizen-comment" + suffix);
        robot.interact(model::openReport);
        shot(robot, "citizen-report" + suffix);
        robot.interact(() -> model.report(id.kypso.core.survey.ComplaintCategory.LEFT_WAITING));
        shot(robot, "citizen-report-saved" + suffix);
        robot.interact(model::saveCommentAndContinue);
        waitForScreen(CitizenScreen.QUESTION);
        robot.interact(model::toggleHighContrast);
        shot(robot, "citizen-question-high-contrast" + suffix);
        robot.interact(model::toggleHighContrast);
        robot.interact(model::toggleLargeText);
        shot(robot, "citizen-question-large-text" + suffix);
        robot.interact(model::toggleLargeText);
        answerRest(robot, 4);
        robot.interact(model::saveCommentAndContinue);
        waitForScreen(CitizenScreen.DONE);
        shot(robot, "citizen-done" + suffix);

        // A second survey whose ticket cannot be printed.
        kiosk.printer.failWith(PrinterFault.PAPER_END);
        robot.interact(model::reset);
        english(robot, language);
        robot.interact(() -> model.onScan(kiosk.slip("REG-0002")));
        waitForScreen(CitizenScreen.QUESTION);
        robot.interact(model::notServed);
        answerRest(robot, 3);
        robot.interact(model::saveCommentAndContinue);
        waitForScreen(CitizenScreen.DONE);
        shot(robot, "citizen-done-paper-out" + suffix);
        kiosk.printer.failWith(null);

        // Keyed-in slip.
        robot.interact(model::reset);
        english(robot, language);
        robot.interact(model::openManualEntry);
        for (char c : "REG-0042".toCharArray()) {
            robot.interact(() -> model.typeManual(String.valueOf(c)));
        }
        shot(robot, "citizen-manual-number" + suffix);
        robot.interact(() -> model.editCheck(true));
        for (char c : SlipCheck.of(TestKiosk.OFFICE, "REG-0042").substring(0, 2)
                .toCharArray()) {
            robot.interact(() -> model.typeManual(String.valueOf(c)));
        }
        shot(robot, "citizen-manual-check" + suffix);
        for (char c : SlipCheck.of(TestKiosk.OFFICE, "REG-0042").substring(2).toCharArray()) {
            robot.interact(() -> model.typeManual(String.valueOf(c)));
        }
        robot.interact(model::submitManual);
        waitForScreen(CitizenScreen.PICK_OFFICERS);
        robot.interact(() -> model.toggleRosterOfficer(1));
        shot(robot, "citizen-pick-officers" + suffix);

        // Every refusal.
        Map<Refusal, String> payloads = Map.of(
                Refusal.FORGED, kiosk.forgedSlip("REG-0003"),
                Refusal.OTHER_OFFICE, kiosk.otherOfficeSlip("REG-0004"),
                Refusal.UNREADABLE, kiosk.slip("REG-0005").substring(0, 60),
                Refusal.NOT_A_SLIP, "8991234567890",
                Refusal.TICKET_SCANNED, kiosk.ticket(9),
                Refusal.PEREKAMAN_INCOMPLETE, kiosk.slipWithOfficers("REG-0006", List.of(
                        new StageOfficer(ServiceStage.VERIFIKASI, TestKiosk.VERIFIER))),
                Refusal.ALREADY_SURVEYED, kiosk.slip("REG-0001"));
        for (Map.Entry<Refusal, String> entry : payloads.entrySet()) {
            robot.interact(model::reset);
            english(robot, language);
            robot.interact(() -> model.onScan(entry.getValue()));
            waitForScreen(CitizenScreen.REFUSED);
            assertThat(model.refusalProperty().get()).isEqualTo(entry.getKey());
            shot(robot, "refusal-" + name(entry.getKey()) + suffix);
        }

        robot.interact(model::reset);
        english(robot, language);
        robot.interact(model::openManualEntry);
        robot.interact(() -> model.typeManual("X"));
        robot.interact(() -> model.typeManual("1"));
        robot.interact(() -> model.typeManual("2"));
        robot.interact(() -> model.typeManual("3"));
        robot.interact(() -> model.editCheck(true));
        for (String digit : List.of("0", "0", "0", "0")) {
            robot.interact(() -> model.typeManual(digit));
        }
        robot.interact(model::submitManual);
        waitForScreen(CitizenScreen.REFUSED);
        shot(robot, "refusal-" + name(Refusal.MANUAL_ENTRY_INVALID) + suffix);

        robot.interact(() -> show(new CitizenSession(kiosk.identity, Optional::empty,
                kiosk.ledger, kiosk.printer, kiosk.clock, UUID::randomUUID)));
        english(robot, language);
        robot.interact(() -> model.onScan(kiosk.slip("REG-0007")));
        waitForScreen(CitizenScreen.REFUSED);
        shot(robot, "refusal-" + name(Refusal.OUT_OF_SERVICE) + suffix);
    }

    private void english(FxRobot robot, String language) {
        if (!model.messages().language().equals(language)) {
            robot.interact(model::toggleLanguage);
        }
    }

    private void answerRest(FxRobot robot, int value) {
        while (model.screen() == CitizenScreen.QUESTION) {
            robot.interact(() -> model.answer(value));
        }
    }

    private void shot(FxRobot robot, String name) {
        screenshots.take(robot, scene, name);
    }

    private static String name(Refusal refusal) {
        return refusal.name().toLowerCase().replace('_', '-');
    }

    private void waitForScreen(CitizenScreen expected) {
        waitUntil(() -> model.screen() == expected
                && screens.root().getProperties().get(CitizenView.RENDERED_SCREEN) == expected);
    }
}
