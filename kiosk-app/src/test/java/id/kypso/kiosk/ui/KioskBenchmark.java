package id.kypso.kiosk.ui;

import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.testing.TestKiosk;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Runs scripted citizen sessions through the real screens and session on a real SQLite file
 * and reports the time from a scan to the first question drawn, and heap and RSS as sessions
 * accumulate. Started by {@code scripts/bench-kiosk-app.sh} under headless Monocle; not a test.
 *
 * <p>Arguments: number of sessions (default 1000), sample interval (default 100).
 */
public final class KioskBenchmark {

    private KioskBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int interval = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path dir = Files.createTempDirectory("kypso-bench");
        TestKiosk kiosk = new TestKiosk(dir);
        ExecutorService background = Executors.newSingleThreadExecutor();

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CitizenModel[] model = new CitizenModel[1];
        CitizenScreens[] screens = new CitizenScreens[1];
        Platform.runLater(() -> {
            model[0] = new CitizenModel(kiosk.newSession(), background, kiosk.clock,
                    CitizenModel.Timeouts.DEFAULT);
            screens[0] = new CitizenScreens(model[0], "Disdukcapil Kota Bandung", kiosk.clock);
            Scene scene = KioskWindow.scene(screens[0].root());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        waitForFx();

        List<Long> scanToQuestionMicros = new ArrayList<>();
        System.out.println("sessions,heap_used_mb,rss_mb,outbox_records");
        sample(0, kiosk);
        for (int i = 1; i <= sessions; i++) {
            String slip = kiosk.slip(String.format("REG-%06d", i));
            scanToQuestionMicros.add(runSession(model[0], screens[0], slip));
            if (i % interval == 0) {
                sample(i, kiosk);
            }
        }

        Collections.sort(scanToQuestionMicros);
        // The first 50 sessions warm up the JIT and the SQLite page cache.
        List<Long> measured = scanToQuestionMicros.subList(Math.min(50, sessions - 1),
                scanToQuestionMicros.size());
        System.out.printf("scan_to_first_question_ms median=%.2f p95=%.2f max=%.2f n=%d%n",
                percentile(measured, 50) / 1000.0, percentile(measured, 95) / 1000.0,
                measured.get(measured.size() - 1) / 1000.0, measured.size());

        // The same check without screens: how much of the time is the session's own work.
        TestKiosk headless = new TestKiosk(Files.createTempDirectory("kypso-bench-session"));
        CitizenSession session = headless.newSession();
        List<Long> scanMicros = new ArrayList<>();
        for (int i = 1; i <= sessions; i++) {
            String slip = headless.slip(String.format("REG-%06d", i));
            long start = System.nanoTime();
            session.scan(slip);
            session.officers();
            scanMicros.add((System.nanoTime() - start) / 1000);
            session.reset();
        }
        Collections.sort(scanMicros);
        List<Long> sessionOnly = scanMicros.subList(Math.min(50, sessions - 1),
                scanMicros.size());
        System.out.printf("session_scan_only_ms median=%.2f p95=%.2f max=%.2f n=%d%n",
                percentile(sessionOnly, 50) / 1000.0, percentile(sessionOnly, 95) / 1000.0,
                sessionOnly.get(sessionOnly.size() - 1) / 1000.0, sessionOnly.size());
        background.shutdownNow();
        Platform.exit();
        System.exit(0);
    }

    private static long runSession(CitizenModel model, CitizenScreens screens, String slip)
            throws InterruptedException {
        CountDownLatch question = new CountDownLatch(1);
        MapChangeListener<Object, Object> listener = change -> {
            if (CitizenView.RENDERED_SCREEN.equals(change.getKey())
                    && change.getValueAdded() == CitizenScreen.QUESTION) {
                question.countDown();
            }
        };
        long[] start = new long[1];
        Platform.runLater(() -> {
            screens.root().getProperties().addListener(listener);
            start[0] = System.nanoTime();
            model.onScan(slip);
        });
        if (!question.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("first question not drawn within 30 s");
        }
        long micros = (System.nanoTime() - start[0]) / 1000;

        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            screens.root().getProperties().removeListener(listener);
            model.screenProperty().addListener((observable, old, screen) -> {
                if (screen == CitizenScreen.DONE) {
                    done.countDown();
                }
            });
            answerAll(model);
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("survey not completed within 30 s");
        }
        Platform.runLater(model::reset);
        waitForFx();
        return micros;
    }

    private static void answerAll(CitizenModel model) {
        while (model.screen() == CitizenScreen.QUESTION || model.screen() == CitizenScreen.COMMENT) {
            if (model.screen() == CitizenScreen.QUESTION) {
                model.answer(4);
            } else {
                model.saveCommentAndContinue();
            }
        }
    }

    private static void sample(int sessions, TestKiosk kiosk) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("%d,%.1f,%.1f,%d%n", sessions, heap / 1e6, rssBytes() / 1e6,
                kiosk.countOutbox());
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static void waitForFx() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            CountDownLatch latch = new CountDownLatch(1);
            Platform.runLater(latch::countDown);
            latch.await();
        }
    }
}
