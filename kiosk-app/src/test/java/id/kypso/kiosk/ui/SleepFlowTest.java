package id.kypso.kiosk.ui;

import static id.kypso.kiosk.ui.FxTesting.exists;
import static id.kypso.kiosk.ui.FxTesting.text;
import static id.kypso.kiosk.ui.FxTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.store.KioskState;
import id.kypso.kiosk.gpio.GpioEventWatch;
import id.kypso.kiosk.session.Messages;
import id.kypso.kiosk.session.Refusal;
import id.kypso.kiosk.testing.TestKiosk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.css.PseudoClass;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sleeping screen in the window the kiosk opens, so the screens sit inside its letterbox
 * as they do on a kiosk. Time moves on the test kiosk's clock, and each test calls the
 * model's once-a-second idle check by hand.
 */
@ExtendWith(ApplicationExtension.class)
class SleepFlowTest {
    private static final Messages ID = Messages.of("id");
    private static final Duration SLEEP = CitizenModel.Timeouts.DEFAULT.sleep();
    private static final PseudoClass ASLEEP = PseudoClass.getPseudoClass("asleep");

    @TempDir
    static Path tempRoot;

    TestKiosk kiosk;
    CitizenModel model;
    CitizenScreens screens;
    KioskWindow window;
    ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        kiosk = new TestKiosk(Files.createTempDirectory(tempRoot, "kiosk"));
        model = new CitizenModel(kiosk.newSession(), background, kiosk.clock,
                CitizenModel.Timeouts.DEFAULT);
        screens = new CitizenScreens(model, "Disdukcapil Kota Bandung", kiosk.clock);
        window = KioskWindow.open(stage, screens.root(), true);
        screens.attach(window.scene());
    }

    @AfterEach
    void stop() {
        screens.stop();
        background.shutdownNow();
    }

    @Test
    void untouchedWelcome_fallsAsleepAfterSleepTime(FxRobot robot) {
        kiosk.clock.advance(SLEEP.minusSeconds(1));
        robot.interact(model::tick);
        assertThat(model.screen()).isEqualTo(CitizenScreen.WELCOME);

        kiosk.clock.advance(Duration.ofSeconds(1));
        robot.interact(model::tick);

        waitForScreen(CitizenScreen.ASLEEP);
        assertThat(text(robot, "#sleepPrompt")).isEqualTo(ID.get("sleep.prompt"));
        assertThat(exists(robot, "#officeName")).isFalse();
        assertThat(exists(robot, ".button")).isFalse();
        assertThat(window.scene().getRoot().getPseudoClassStates()).contains(ASLEEP);
    }

    @Test
    void displaySwitches_workInKioskWindow(FxRobot robot) {
        double normalSize = robot.lookup("#welcomeTitle").queryLabeled().getFont().getSize();

        robot.clickOn("#largeTextToggle").clickOn("#contrastToggle");
        WaitForAsyncUtils.waitForFxEvents();

        // The screen is drawn anew after a switch, so the title is looked up again.
        Labeled title = robot.lookup("#welcomeTitle").queryLabeled();
        assertThat(title.getFont().getSize()).isGreaterThan(normalSize * 1.2);
        Region page = (Region) screens.root();
        assertThat(page.getBackground().getFills().getFirst().getFill())
                .isEqualTo(Color.BLACK);
        new Screenshots().take(robot, window.scene(), "kiosk-window-large-text-high-contrast");
    }

    @Test
    void sleepTimeZero_neverSleeps(FxRobot robot) {
        CitizenModel.Timeouts never = new CitizenModel.Timeouts(Duration.ofSeconds(90),
                Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ZERO);
        CitizenScreen[] screenAfterADay = new CitizenScreen[1];

        robot.interact(() -> {
            CitizenModel awake = new CitizenModel(kiosk.newSession(), background, kiosk.clock,
                    never);
            kiosk.clock.advance(Duration.ofDays(1));
            awake.tick();
            screenAfterADay[0] = awake.screen();
        });

        assertThat(screenAfterADay[0]).isEqualTo(CitizenScreen.WELCOME);
    }

    @Test
    void touch_wakesToWelcome(FxRobot robot) {
        fallAsleep(robot);

        robot.clickOn("#sleepPrompt");

        waitForScreen(CitizenScreen.WELCOME);
        assertThat(text(robot, "#welcomeTitle")).isEqualTo(ID.get("welcome.title"));
        assertThat(window.scene().getRoot().getPseudoClassStates()).doesNotContain(ASLEEP);
    }

    @Test
    void key_wakesToWelcome(FxRobot robot) {
        fallAsleep(robot);

        robot.type(KeyCode.SPACE);

        waitForScreen(CitizenScreen.WELCOME);
    }

    @Test
    void wedgeScanWhileAsleep_opensSurvey(FxRobot robot) {
        fallAsleep(robot);

        ScannerBurst.scan(robot, window.scene(), kiosk.slip("REG-0001"));

        waitForScreen(CitizenScreen.QUESTION);
        assertThat(text(robot, "#officerName")).isEqualTo("Siti Rahmawati");
    }

    @Test
    void serialScanWhileAsleep_opensSurvey(FxRobot robot) {
        fallAsleep(robot);

        // Serial and camera scanners deliver on their own threads.
        model.onScan(kiosk.slip("REG-0001"));

        waitForScreen(CitizenScreen.QUESTION);
        assertThat(text(robot, "#officerName")).isEqualTo("Siti Rahmawati");
    }

    @Test
    void presenceTime_wakesThroughSharedDatabase(FxRobot robot) {
        KioskState state = new KioskState(kiosk.database);
        state.put(KioskState.PRESENCE_DETECTED_AT, "2026-12-04T03:00:00Z");
        GpioEventWatch watch = new GpioEventWatch(kiosk.database)
                .on(KioskState.PRESENCE_DETECTED_AT, model::onPresence);
        watch.check();
        fallAsleep(robot);

        state.put(KioskState.PRESENCE_DETECTED_AT, "2026-12-04T03:25:01Z");
        watch.check();

        waitForScreen(CitizenScreen.WELCOME);
    }

    @Test
    void samePresenceTime_leavesScreenAsleep(FxRobot robot) {
        KioskState state = new KioskState(kiosk.database);
        GpioEventWatch watch = new GpioEventWatch(kiosk.database)
                .on(KioskState.PRESENCE_DETECTED_AT, model::onPresence);
        watch.check();
        state.put(KioskState.PRESENCE_DETECTED_AT, "2026-12-04T03:21:00Z");
        watch.check();
        // Lets the presence reach the model before the clock moves on.
        WaitForAsyncUtils.waitForFxEvents();
        fallAsleep(robot);

        watch.check();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.screen()).isEqualTo(CitizenScreen.ASLEEP);
    }

    @Test
    void presenceOnWelcome_postponesSleep(FxRobot robot) {
        kiosk.clock.advance(SLEEP.minusSeconds(10));
        robot.interact(model::onPresence);

        kiosk.clock.advance(Duration.ofSeconds(20));
        robot.interact(model::tick);

        assertThat(model.screen()).isEqualTo(CitizenScreen.WELCOME);
    }

    @Test
    void presenceDuringSurvey_doesNotKeepItOpen(FxRobot robot) {
        robot.interact(() -> model.onScan(kiosk.slip("REG-0001")));
        waitForScreen(CitizenScreen.QUESTION);
        kiosk.clock.advance(Duration.ofSeconds(60));
        robot.interact(model::onPresence);

        kiosk.clock.advance(Duration.ofSeconds(30));
        robot.interact(model::tick);

        waitForScreen(CitizenScreen.WELCOME);
    }

    @Test
    void abandonedSurvey_resetsBeforeSleeping(FxRobot robot) {
        robot.interact(() -> model.onScan(kiosk.slip("REG-0001")));
        waitForScreen(CitizenScreen.QUESTION);

        kiosk.clock.advance(Duration.ofDays(1));
        robot.interact(model::tick);
        assertThat(model.screen()).isEqualTo(CitizenScreen.WELCOME);
        fallAsleep(robot);

        assertThat(robot.lookup(".label").queryAllAs(Labeled.class))
                .extracting(Labeled::getText)
                .containsExactly(ID.get("sleep.prompt"));
        assertThat(model.officers()).isEmpty();
    }

    @Test
    void languageAndDisplayChoices_areClearedAsleep(FxRobot robot) {
        robot.clickOn("#languageToggle").clickOn("#contrastToggle").clickOn("#largeTextToggle");

        fallAsleep(robot);

        assertThat(model.messages().language()).isEqualTo("id");
        assertThat(model.highContrastProperty().get()).isFalse();
        assertThat(model.largeTextProperty().get()).isFalse();
        assertThat(text(robot, "#sleepPrompt")).isEqualTo(ID.get("sleep.prompt"));
    }

    @Test
    void otherModeInWindow_isNotDarkened(FxRobot robot) {
        fallAsleep(robot);

        // As when the service button opens maintenance mode on the sleeping screen.
        robot.interact(() -> window.show(new StackPane()));

        assertThat(window.scene().getRoot().getPseudoClassStates()).doesNotContain(ASLEEP);
    }

    @Test
    void missingConfigWhileAsleep_showsOutOfService(FxRobot robot) {
        fallAsleep(robot);

        robot.interact(() -> model.onConfigAvailable(false));

        waitForScreen(CitizenScreen.REFUSED);
        assertThat(model.refusalProperty().get()).isEqualTo(Refusal.OUT_OF_SERVICE);
    }

    private void fallAsleep(FxRobot robot) {
        kiosk.clock.advance(SLEEP);
        robot.interact(model::tick);
        waitForScreen(CitizenScreen.ASLEEP);
    }

    private void waitForScreen(CitizenScreen expected) {
        waitUntil(() -> model.screen() == expected
                && screens.root().getProperties().get(CitizenView.RENDERED_SCREEN) == expected);
    }
}
