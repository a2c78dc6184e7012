package id.kypso.agent;

import id.kypso.agent.config.NativeDirectories;
import id.kypso.agent.gpio.AgentGpio;
import id.kypso.agent.gpio.GpioEventRecorder;
import id.kypso.agent.status.Indication;
import id.kypso.agent.status.StatusLight;
import id.kypso.agent.store.OutboxRepair;
import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.store.StoreException;
import id.kypso.core.systemd.SystemdWatchdog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code kiosk-agent} command, run by systemd on every kiosk. */
@Command(name = "kiosk-agent", mixinStandardHelpOptions = true,
        description = "Syncs the kiosk's outbox with the aggregator, pulls config, sends"
                + " heartbeats and clears personal data after its retention period.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:with --once, every pending record was acknowledged; otherwise a clean stop",
            "1:with --once, records are still pending or an exchange failed",
            "2:invalid options",
            "3:the kiosk identity, the aggregator URL or the database is unusable",
            "4:the database failed its integrity check"})
public final class AgentMain implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(AgentMain.class);
    static final int EXIT_PENDING = 1;
    static final int EXIT_UNUSABLE = 3;
    static final int EXIT_INTEGRITY = 4;

    @Option(names = "--data-dir", required = true,
            description = "Kiosk data folder with kiosk.properties, kiosk.key and kiosk.db.")
    Path dataDir;

    @Option(names = "--aggregator",
            description = "Aggregator base URL; overrides aggregator.url in kiosk.properties.")
    String aggregatorUrl;

    @Option(names = "--once",
            description = "Run one push, config pull and heartbeat, then exit.")
    boolean once;

    @Option(names = "--interval", defaultValue = "30",
            description = "Seconds between sync cycles while the aggregator responds"
                    + " (default: ${DEFAULT-VALUE}).")
    long intervalSeconds;

    @Option(names = "--status-port", defaultValue = "8765",
            description = "Loopback TCP port of the status endpoint; 0 picks a free port, -1"
                    + " turns it off (default: ${DEFAULT-VALUE}).")
    int statusPort;

    @Option(names = "--batch-size", defaultValue = "200",
            description = "Records per push request (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--retention-days", defaultValue = "30",
            description = "Days after its sync that a ticket's masked NIK and NIK digest are"
                    + " kept (default: ${DEFAULT-VALUE}).")
    int retentionDays;

    @Option(names = "--keep-sent-days", defaultValue = "90",
            description = "Days an acknowledged outbox record is kept before it is deleted; at"
                    + " least --retention-days (default: ${DEFAULT-VALUE}).")
    int keepSentDays;

    @Option(names = "--call-timeout", defaultValue = "60",
            description = "Seconds one HTTP call may take in total (default: ${DEFAULT-VALUE}).")
    long callTimeoutSeconds;

    @Option(names = "--requeue-rejected",
            description = "Put records the aggregator rejected back in the queue, then exit.")
    boolean requeueRejected;

    /** Whether this command owns its JVM, so may set JVM-wide properties. */
    private final boolean ownsProcess;

    public AgentMain() {
        this(false);
    }

    private AgentMain(boolean ownsProcess) {
        this.ownsProcess = ownsProcess;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AgentMain(true)).execute(args));
    }

    @Override
    public Integer call() {
        if (intervalSeconds < 1 || batchSize < 1 || retentionDays < 0 || keepSentDays < 0
                || callTimeoutSeconds < 1
                || statusPort < -1 || statusPort > 65535) {
            System.err.println("--interval, --batch-size and --call-timeout must be at least 1,"
                    + " --retention-days and --keep-sent-days at least 0, --status-port -1 to"
                    + " 65535");
            return CommandLine.ExitCode.USAGE;
        }
        if (ownsProcess) {
            NativeDirectories.prepareProcess(dataDir);
        } else {
            NativeDirectories.prepare(dataDir);
        }
        // The app opens maintenance mode and wakes its screen on the times recorded here.
        ExecutorService gpioWriter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gpio-event-writer");
            thread.setDaemon(true);
            return thread;
        });
        GpioEventRecorder gpioEvents = new GpioEventRecorder(Clock.systemUTC(), gpioWriter);
        Optional<AgentGpio> gpio = AgentGpio.open(gpioSettings(), gpioEvents);
        Optional<SystemdWatchdog> watchdog = SystemdWatchdog.fromEnvironment(System.getenv());
        watchdog.ifPresent(dog -> log.info("Sending systemd watchdog keep-alives every {} s",
                dog.pingInterval().toSeconds()));
        KioskAgent agent;
        try {
            agent = KioskAgent.builder(dataDir)
                    .aggregatorUrl(aggregatorUrl)
                    .interval(Duration.ofSeconds(intervalSeconds))
                    .batchSize(batchSize)
                    .retention(Duration.ofDays(retentionDays))
                    .keepSentRecords(Duration.ofDays(keepSentDays))
                    .callTimeout(Duration.ofSeconds(callTimeoutSeconds))
                    .statusLight(gpio.<StatusLight>map(light -> light).orElse(StatusLight.NONE))
                    .keepAlive(watchdog.<Runnable>map(dog -> dog::ping).orElse(() -> { }),
                            watchdog.map(SystemdWatchdog::pingInterval)
                                    .orElse(Duration.ofMinutes(1)))
                    .open();
        } catch (ConfigException | StoreException e) {
            log.error("Agent cannot start: {}", e.getMessage());
            System.err.println("kiosk-agent: " + e.getMessage());
            return EXIT_UNUSABLE;
        }

        gpioEvents.attach(agent.database());
        CountDownLatch closed = new CountDownLatch(1);
        try (agent) {
            if (requeueRejected) {
                int moved = new OutboxRepair(agent.database()).requeueRejected();
                System.out.println("requeued " + moved + " rejected records");
                return CommandLine.ExitCode.OK;
            }
            if (once) {
                return runOnce(agent);
            }
            startStatusServer(agent);

            // On SIGTERM, end the loop after its cycle and let the JVM exit once the agent is
            // closed, waiting at most 10 s for a cycle that is still pushing.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.stop();
                try {
                    closed.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "agent-shutdown"));
            agent.run();
            return CommandLine.ExitCode.OK;
        } finally {
            gpioWriter.shutdown();
            closed.countDown();
        }
    }

    /** Reads the gpio.* settings of kiosk.properties; empty settings when it is unreadable. */
    private Properties gpioSettings() {
        try {
            return KioskIdentity.readProperties(dataDir);
        } catch (IOException | IllegalArgumentException e) {
            // The identity check right after this reports the unreadable file.
            return new Properties();
        }
    }

    private int runOnce(KioskAgent agent) {
        SyncSummary summary = agent.syncOnce();
        System.out.printf("pushed %d: stored %d, duplicates %d, rejected %d; pending %d;"
                        + " config %s; heartbeat %s; state %s%n",
                summary.pushed(), summary.stored(), summary.duplicates(), summary.rejected(),
                summary.pendingLeft(),
                summary.config() == null ? "not pulled" : summary.config().outcome(),
                summary.heartbeatSent() ? "sent" : "not sent", summary.indication());
        summary.errors().forEach(error -> System.out.println("error: " + error));
        if (summary.indication() == Indication.FAULT
                && summary.errors().stream().anyMatch(e -> e.contains("integrity"))) {
            return EXIT_INTEGRITY;
        }
        // An outage with nothing to push still fails: scripts and health checks rely on it.
        return summary.allAcknowledged() && summary.errors().isEmpty()
                ? CommandLine.ExitCode.OK : EXIT_PENDING;
    }

    private void startStatusServer(KioskAgent agent) {
        if (statusPort < 0) {
            return;
        }
        try {
            InetSocketAddress address = agent.startStatusServer(statusPort);
            System.out.println("status endpoint http://" + address.getHostString() + ":"
                    + address.getPort() + "/status");
        } catch (IOException e) {
            // The endpoint helps people look at the kiosk; syncing matters more.
            log.error("Cannot start the status endpoint on port {}; syncing without it: {}",
                    statusPort, e.getMessage());
        }
    }
}
