package id.kypso.provisioning.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.provisioning.testing.Cli;
import id.kypso.provisioning.testing.FakeAggregator;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import com.sun.net.httpserver.HttpServer;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.sync.RecordType;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelftestTest {
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
        run("office", "create", "--office-dir", officeDir.toString(), "--office", "3273-01",
                "--name", "Disdukcapil Kota Bandung");
        run("office", "register", "--office-dir", officeDir.toString(), "--aggregator",
                aggregator.url(), "--admin-token", FakeAggregator.ADMIN_TOKEN);
        run("kiosk", "create", "--data-dir", dataDir.toString(), "--kiosk", "3273-01-K01",
                "--aggregator", aggregator.url());
        String token = new Cli().clock(Clock.systemUTC()).run("office", "enrollment-token",
                "--office-dir", officeDir.toString(), "--aggregator", aggregator.url(),
                "--admin-token", FakeAggregator.ADMIN_TOKEN, "--quiet").out().strip();
        run("kiosk", "enroll", "--data-dir", dataDir.toString(), "--token", token);
        new Cli().input("583920\n").run("pin", "set", "--data-dir", dataDir.toString(),
                "--iterations", "10000");
    }

    @AfterEach
    void tearDown() {
        aggregator.close();
    }

    @Test
    void healthyKiosk_passesEveryCheckAsked() throws Exception {
        Path printer = temp.resolve("printer.bin");
        Path gpio = Files.createFile(temp.resolve("gpiochip0"));

        Cli.Result result = selftest("--printer", "file:" + printer, "--gpio-chip",
                gpio.toString());

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[ OK ] identity    kiosk 3273-01-K01, key version 1")
                .contains("[ OK ] config").contains("[ OK ] PIN").contains("[ OK ] printer")
                .contains("[ OK ] GPIO").contains("[ OK ] aggregator").contains("[ OK ] clock")
                .contains("[ OK ] enrollment").contains("[SKIP] scanner")
                .contains("[SKIP] outbox").contains("[SKIP] agent")
                .doesNotContain("FAIL");
        byte[] page = Files.readAllBytes(printer);
        assertThat(new String(page, java.nio.charset.StandardCharsets.US_ASCII))
                .contains("KYPSO TEST PAGE").contains("3273-01-K01");
        assertThat(page).startsWith(0x1B, '@');
    }

    @Test
    void tcpPrinter_receivesTheTestPage() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
                    return in.readAllBytes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            Cli.Result result = selftest("--printer", "tcp:127.0.0.1:" + listener.getLocalPort());

            assertThat(result.out()).contains("[ OK ] printer");
            assertThat(new String(received.get(10, TimeUnit.SECONDS),
                    java.nio.charset.StandardCharsets.US_ASCII)).contains("KYPSO TEST PAGE");
        }
    }

    @Test
    void scannedSlip_isVerifiedWithTheInstalledConfig() {
        Path slip = temp.resolve("slip.png");
        run("slip", "issue", "--office-dir", officeDir.toString(), "--nik", "3273014506900001",
                "--registration", "REG-0001", "--officer", "PEREKAMAN=199001052015032002",
                "--out", slip.toString());
        String text = id.kypso.core.qr.QrCodes.read(readImage(slip)).orElseThrow();

        Cli.Result result = new Cli().clock(Clock.systemUTC()).input(text + "\r\n").run(
                "selftest", "--data-dir", dataDir.toString(), "--scanner", "stdin",
                "--scan-timeout", "5");

        assertThat(result.out()).contains("[ OK ] scanner     slip of office 3273-01 number"
                + " REG-0001 read, signature valid");
    }

    @Test
    void noScan_failsWithCableAndTerminatorAdvice() {
        Cli.Result result = new Cli().clock(Clock.systemUTC()).input("").run("selftest",
                "--data-dir", dataDir.toString(), "--scanner", "stdin", "--scan-timeout", "1");

        assertThat(result.code()).isEqualTo(7);
        assertThat(result.out()).contains("[FAIL] scanner").contains("CR or LF");
    }

    @Test
    void clockFarFromAggregator_failsWithNtpAdvice() {
        Cli.Result result = new Cli().clock(Clock.offset(Clock.systemUTC(),
                Duration.ofMinutes(10))).run("selftest", "--data-dir", dataDir.toString());

        assertThat(result.code()).isEqualTo(7);
        assertThat(result.out()).contains("[FAIL] clock").contains("timedatectl set-ntp true");
    }

    @Test
    void clockSlightlyOff_isAWarningOnly() {
        Cli.Result result = new Cli().clock(Clock.offset(Clock.systemUTC(),
                Duration.ofMinutes(-2))).run("selftest", "--data-dir", dataDir.toString());

        assertThat(result.out()).contains("[WARN] clock");
        assertThat(result.out()).doesNotContain("[FAIL] clock");
    }

    @Test
    void unreachableAggregator_failsAndSaysWhatToCheck() {
        aggregator.close();

        Cli.Result result = selftest();

        assertThat(result.code()).isEqualTo(7);
        assertThat(result.out()).contains("[FAIL] aggregator").contains("network cable");
    }

    @Test
    void missingPinAndConfig_areReported() throws Exception {
        Files.delete(dataDir.resolve("maintenance.pin"));
        Files.delete(dataDir.resolve("config/bundle.json"));

        Cli.Result result = selftest("--offline");

        assertThat(result.code()).isEqualTo(7);
        assertThat(result.out()).contains("[FAIL] PIN").contains("pin set")
                .contains("[FAIL] config").contains("kiosk pull-config")
                .contains("[SKIP] aggregator");
    }

    @Test
    void readableKioskKey_failsWithChmodAdvice() throws Exception {
        Files.setPosixFilePermissions(dataDir.resolve("kiosk.key"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result result = selftest("--offline");

        assertThat(result.out()).contains("[FAIL] identity").contains("chmod 600");
    }

    @Test
    void missingGpio_isSkippedOffThePi() {
        Cli.Result result = selftest("--offline", "--gpio-chip",
                temp.resolve("none").toString());

        assertThat(result.out()).contains("[SKIP] GPIO").contains("not a Raspberry Pi");
    }

    @Test
    void emptyOutbox_reportsAllSent() {
        KioskDatabase.open(dataDir.resolve("kiosk.db"));

        Cli.Result result = selftest("--offline");

        assertThat(result.out()).contains("[ OK ] outbox      every record has been sent");
    }

    @Test
    void oldUnsentRecords_areAWarning() throws Exception {
        Clock twoHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-2));
        KioskDatabase database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        Outbox outbox = new Outbox(database, twoHoursAgo, UUID::randomUUID);
        database.inTransaction(connection -> outbox.append(connection,
                RecordType.TICKET_REDEEMED, Map.of("ticketId", "3273-01-K01/1")));

        Cli.Result result = selftest("--offline");

        assertThat(result.out()).contains("[WARN] outbox      1 records waiting; the oldest for"
                + " 120 minutes").contains("journalctl -u kypso-agent");
    }

    @Test
    void agentStatus_isReadFromLoopbackEndpoint() throws Exception {
        HttpServer agent = HttpServer.create(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0), 0);
        agent.createContext("/status", exchange -> {
            byte[] body = """
                    {"state": "OK", "message": "all records sent", "consecutiveFailures": 0}
                    """.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        agent.start();
        try {
            Cli.Result result = new Cli().clock(Clock.systemUTC()).run("selftest",
                    "--data-dir", dataDir.toString(), "--offline", "--agent-port",
                    Integer.toString(agent.getAddress().getPort()));

            assertThat(result.out()).contains("[ OK ] agent       agent running: all records"
                    + " sent");
        } finally {
            agent.stop(0);
        }
    }

    @Test
    void gpio_startsTheAgentsLightTestPattern() throws Exception {
        Path gpio = Files.createFile(temp.resolve("gpiochip0"));
        java.util.concurrent.atomic.AtomicInteger patterns =
                new java.util.concurrent.atomic.AtomicInteger();
        id.kypso.agent.status.StatusServer agent = id.kypso.agent.status.StatusServer.start(0,
                locale -> null, () -> { }, () -> patterns.incrementAndGet() > 0);
        try {
            Cli.Result result = new Cli().clock(Clock.systemUTC()).run("selftest",
                    "--data-dir", dataDir.toString(), "--offline", "--gpio-chip",
                    gpio.toString(), "--agent-port",
                    Integer.toString(agent.address().getPort()));

            assertThat(patterns.get()).isEqualTo(1);
            assertThat(result.out()).contains("[ OK ] GPIO").contains("red, then green");
        } finally {
            agent.close();
        }
    }

    @Test
    void gpioWithoutLight_isAWarningWithSettingsAdvice() throws Exception {
        Path gpio = Files.createFile(temp.resolve("gpiochip0"));
        id.kypso.agent.status.StatusServer agent = id.kypso.agent.status.StatusServer.start(0,
                locale -> null, () -> { }, () -> false);
        try {
            Cli.Result result = new Cli().clock(Clock.systemUTC()).run("selftest",
                    "--data-dir", dataDir.toString(), "--offline", "--gpio-chip",
                    gpio.toString(), "--agent-port",
                    Integer.toString(agent.address().getPort()));

            assertThat(result.out()).contains("[WARN] GPIO").contains("gpio.enabled=true");
        } finally {
            agent.close();
        }
    }

    @Test
    void stoppedAgent_isAWarningWithStartAdvice() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Cli.Result result = new Cli().clock(Clock.systemUTC()).run("selftest", "--data-dir",
                dataDir.toString(), "--offline", "--agent-port", Integer.toString(closedPort));

        assertThat(result.out()).contains("[WARN] agent").contains("systemctl status kypso-agent");
        assertThat(result.code()).isZero();
    }

    private Cli.Result selftest(String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = "selftest";
        args[1] = "--data-dir";
        args[2] = dataDir.toString();
        args[3] = "--agent-port";
        args[4] = "0";
        System.arraycopy(extra, 0, args, 5, extra.length);
        return new Cli().clock(Clock.systemUTC()).run(args);
    }

    private static void run(String... args) {
        Cli.Result result = new Cli().clock(Clock.systemUTC()).run(args);
        assertThat(result.code()).as(result.toString()).isZero();
    }

    private static java.awt.image.BufferedImage readImage(Path file) {
        try {
            return javax.imageio.ImageIO.read(file.toFile());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
