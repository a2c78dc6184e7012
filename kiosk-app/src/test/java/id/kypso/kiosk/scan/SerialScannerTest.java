package id.kypso.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.kiosk.printer.SocatPair;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialScannerTest {
    private static final String SLIP = "KS1:6BFOXN*TCCBBU5C2:Q0$3";

    @TempDir
    Path folder;

    private SocatPair pair;
    private final BlockingQueue<String> scans = new LinkedBlockingQueue<>();
    private final BlockingQueue<ScanRejection> rejections = new LinkedBlockingQueue<>();
    private final BlockingQueue<Boolean> states = new LinkedBlockingQueue<>();

    @BeforeEach
    void plugIn() throws Exception {
        pair = new SocatPair(folder).start();
    }

    @AfterEach
    void unplug() throws Exception {
        pair.close();
    }

    private SerialScanner scanner(ScanFraming framing) {
        SerialScanner.Settings settings = SerialScanner.Settings
                .of(pair.kioskSide().toString(), 9600, framing)
                .withReconnectDelays(Duration.ofMillis(20), Duration.ofMillis(100));
        return new SerialScanner(settings, scans::add,
                (reason, detail) -> rejections.add(reason), states::add, System::nanoTime,
                Thread.ofPlatform().name("test-scanner").daemon().factory());
    }

    private void send(String... pieces) throws IOException {
        try (OutputStream device = new FileOutputStream(pair.deviceSide().toFile())) {
            for (String piece : pieces) {
                device.write(piece.getBytes(StandardCharsets.UTF_8));
                device.flush();
            }
        }
    }

    private void awaitState(boolean expected) throws InterruptedException {
        while (true) {
            Boolean state = states.poll(10, TimeUnit.SECONDS);
            assertThat(state).as("connection state change").isNotNull();
            if (state == expected) {
                return;
            }
        }
    }

    @Test
    void scanInPieces_arrivesWhole() throws Exception {
        try (SerialScanner scanner = scanner(ScanFraming.plain())) {
            scanner.start();
            awaitState(true);

            send("KS1:6BFO", "XN*TCCBBU", "5C2:Q0$3\r", "\n");

            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(SLIP);
            assertThat(scans.poll(100, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void prefixAndSuffix_areStrippedOverSerial() throws Exception {
        try (SerialScanner scanner = scanner(ScanFraming.plain()
                .withPrefixAndSuffix("]Q1", "#"))) {
            scanner.start();
            awaitState(true);

            send("]Q1" + SLIP + "#\n", SLIP + "\n");

            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(SLIP);
            assertThat(rejections.poll(10, TimeUnit.SECONDS))
                    .isEqualTo(ScanRejection.MISSING_PREFIX);
        }
    }

    @Test
    void unpluggedAdapter_isReopenedUnderTheSameName() throws Exception {
        try (SerialScanner scanner = scanner(ScanFraming.plain())) {
            scanner.start();
            awaitState(true);

            pair.unplug();
            awaitState(false);
            pair.start();
            awaitState(true);
            send(SLIP + "\r\n");

            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(SLIP);
        }
    }

    @Test
    void stalledScan_isRejectedAfterThePartialTimeout() throws Exception {
        AtomicLong clock = new AtomicLong();
        SerialScanner.Settings settings = SerialScanner.Settings
                .of(pair.kioskSide().toString(), 9600, ScanFraming.plain());
        try (SerialScanner scanner = new SerialScanner(settings, scans::add,
                (reason, detail) -> rejections.add(reason), states::add, clock::get,
                Thread.ofPlatform().name("test-scanner").daemon().factory())) {
            scanner.start();
            awaitState(true);

            send(SLIP.substring(0, 9));
            // Move the fake clock past the timeout until the reader has seen the fragment.
            ScanRejection rejection = null;
            for (int i = 0; i < 200 && rejection == null; i++) {
                clock.addAndGet(Duration.ofSeconds(2).toNanos());
                rejection = rejections.poll(50, TimeUnit.MILLISECONDS);
            }
            send(SLIP + "\r");

            assertThat(rejection).isEqualTo(ScanRejection.PARTIAL);
            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(SLIP);
        }
    }

    @Test
    void missingPort_isRetriedUntilItAppears() throws Exception {
        pair.unplug();
        try (SerialScanner scanner = scanner(ScanFraming.plain())) {
            scanner.start();
            assertThat(states.poll(300, TimeUnit.MILLISECONDS)).isNull();

            pair.start();
            awaitState(true);
            send(SLIP + "\n");

            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(SLIP);
        }
    }

    @Test
    void openCloseCycles_leakNothing() throws Exception {
        long filesBefore = openFiles();

        for (int i = 0; i < 60; i++) {
            SerialScanner scanner = scanner(ScanFraming.plain());
            scanner.start();
            awaitState(true);
            scanner.close();
            awaitState(false);
        }

        assertThat(openFiles()).isLessThanOrEqualTo(filesBefore + 2);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("test-scanner"));
        try (SerialScanner scanner = scanner(ScanFraming.plain())) {
            scanner.start();
            awaitState(true);
            send(SLIP + "\r");
            assertThat(scans.poll(10, TimeUnit.SECONDS)).isEqualTo(SLIP);
        }
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/proc/self/fd"))) {
            return files.count();
        }
    }
}
