package id.kypso.kiosk.ui;

import static id.kypso.kiosk.ui.FxTesting.text;
import static id.kypso.kiosk.ui.FxTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.kypso.core.testing.SmallDisk;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.Messages;
import id.kypso.kiosk.session.Refusal;
import id.kypso.kiosk.testing.TestKiosk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Puts the kiosk's database on a 4 MiB tmpfs and fills it while a citizen answers, so storing
 * the survey fails with SQLITE_FULL. Needs root (to mount); skipped otherwise.
 */
@ExtendWith(ApplicationExtension.class)
class FullDiskScreenTest {
    private static final Messages ID = Messages.of("id");

    @TempDir
    static Path mountPoint;
    static boolean mounted;

    TestKiosk kiosk;
    CitizenSession session;
    CitizenModel model;
    CitizenScreens screens;
    ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void mountSmallDisk() throws Exception {
        mounted = SmallDisk.mount(mountPoint, "4m");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mounted) {
            SmallDisk.unmount(mountPoint);
        }
    }

    @Start
    void start(Stage stage) {
        assumeTrue(mounted, "mounting a tmpfs needs root; skipped");
        kiosk = new TestKiosk(mountPoint.resolve("kiosk-" + System.nanoTime()));
        session = kiosk.newSession();
        model = new CitizenModel(session, background, kiosk.clock,
                CitizenModel.Timeouts.DEFAULT);
        screens = new CitizenScreens(model, "Disdukcapil Kota Bandung", kiosk.clock);
        Scene scene = KioskWindow.scene(screens.root());
        screens.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    // A full disk shows as SQLITE_FULL while another connection keeps the WAL files, and as an
    // I/O error growing them when none does.
    @ParameterizedTest(name = "another connection open: {0}")
    @ValueSource(booleans = {true, false})
    @SuppressWarnings("try") // the connection is only held open, never used
    void fullDisk_showsOutOfServiceThenRecovers(boolean agentOpen,
            FxRobot robot) throws Exception {
        survey(robot, "REG-0001");
        robot.clickOn("#commentNext");
        waitForScreen(CitizenScreen.DONE);
        assertThat(kiosk.countOutbox()).isEqualTo(2);

        try (Connection agent = agentOpen ? kiosk.database.connect() : null) {
            Path filler = mountPoint.resolve("filler");
            robot.interact(model::reset);
            survey(robot, "REG-0002");
            SmallDisk.fill(filler);
            robot.clickOn("#commentNext");

            waitForScreen(CitizenScreen.REFUSED);
            assertThat(model.refusalProperty().get()).isEqualTo(Refusal.OUT_OF_SERVICE);
            assertThat(text(robot, "#refusalTitle"))
                    .isEqualTo(ID.get("refusal.OUT_OF_SERVICE.title"));
            assertThat(session.isOutOfService()).isTrue();
            assertThat(kiosk.printer.printed()).hasSize(1);

            // A new citizen meets the same screen, not a survey that cannot be stored.
            robot.interact(model::reset);
            waitForScreen(CitizenScreen.REFUSED);
            robot.interact(() -> model.onScan(kiosk.slip("REG-0003")));
            waitForScreen(CitizenScreen.REFUSED);
            assertThat(model.refusalProperty().get()).isEqualTo(Refusal.OUT_OF_SERVICE);

            // IT staff free space and return the kiosk to service from maintenance mode.
            Files.delete(filler);
            robot.interact(() -> {
                session.returnToService();
                model.reset();
            });
            waitForScreen(CitizenScreen.WELCOME);
            survey(robot, "REG-0002");
            robot.clickOn("#commentNext");
            waitForScreen(CitizenScreen.DONE);
        }

        assertThat(kiosk.countOutbox()).isEqualTo(4);
        assertThat(kiosk.printer.printed()).hasSize(2);
        assertThat(kiosk.database.integrityCheck()).isEqualTo("ok");
    }

    /** Scans the slip and answers every question of both officers, up to the last comment. */
    private void survey(FxRobot robot, String registration) {
        robot.interact(() -> model.onScan(kiosk.slip(registration)));
        for (int officer = 0; officer < 2; officer++) {
            waitForScreen(CitizenScreen.QUESTION);
            int questions = model.questions().size();
            for (int i = 0; i < questions; i++) {
                robot.interact(() -> model.answer(4));
            }
            waitForScreen(CitizenScreen.COMMENT);
            if (officer == 0) {
                robot.clickOn("#commentNext");
            }
        }
    }

    private void waitForScreen(CitizenScreen expected) {
        waitUntil(() -> model.screen() == expected
                && screens.root().getProperties().get(CitizenView.RENDERED_SCREEN) == expected);
    }
}
