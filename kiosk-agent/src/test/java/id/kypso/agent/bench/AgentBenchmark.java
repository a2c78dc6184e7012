package id.kypso.agent.bench;

import id.kypso.agent.AgentMain;
import id.kypso.agent.testing.ChildJvm;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.core.testing.MutableClock;
import id.kypso.agent.testing.RealAggregator;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.sync.RecordType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the agent as a whole process: how fast it drains a backlog into the real
 * aggregator, and its resident memory (VmRSS from /proc/PID/status) while draining and idle.
 * Run by {@code scripts/bench-agent.sh}.
 *
 * <p>Arguments: records (default 20000), batch size (default 200), maximum heap (default 64m),
 * then any further JVM options for the agent.
 */
public final class AgentBenchmark {

    private AgentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String heap = args.length > 2 ? args[2] : "64m";
        Path work = Files.createTempDirectory("agent-bench");
        Path dataDir = work.resolve("kiosk");
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        fill(database, records);

        try (RealAggregator aggregator = RealAggregator.start(work.resolve("server"))) {
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic());
            Outbox outbox = KioskFixture.outbox(database, Clock.systemUTC());
            long started = System.nanoTime();
            List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC"));
            jvmOptions.addAll(List.of(args).subList(Math.min(3, args.length), args.length));
            Process agent = ChildJvm.start(AgentMain.class, jvmOptions,
                    List.of("--data-dir", dataDir.toString(), "--aggregator", aggregator.url(),
                            "--interval", "2", "--status-port", "0", "--batch-size",
                            Integer.toString(batchSize)),
                    work.resolve("agent.log"));
            try {
                // Draining: sample memory until the outbox is empty.
                long firstSentAt = 0;
                long peakDraining = 0;
                while (outbox.count("PENDING") > 0) {
                    if (!agent.isAlive()) {
                        throw new IllegalStateException("agent exited with "
                                + agent.exitValue() + "; see " + work.resolve("agent.log"));
                    }
                    if (firstSentAt == 0 && outbox.count("SENT") > 0) {
                        firstSentAt = System.nanoTime();
                    }
                    peakDraining = Math.max(peakDraining, rssKiB(agent.pid()));
                    Thread.sleep(100);
                }
                long finished = System.nanoTime();
                double drainSeconds = (finished - firstSentAt) / 1e9;
                double totalSeconds = (finished - started) / 1e9;

                // Idle: the agent keeps cycling every 2 s with nothing to push.
                Thread.sleep(Duration.ofSeconds(20));
                List<Long> idle = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    idle.add(rssKiB(agent.pid()));
                    Thread.sleep(1000);
                }
                Collections.sort(idle);

                System.out.printf("records %d, batch %d, JVM options %s%n", records, batchSize,
                        jvmOptions);
                System.out.printf("drain: %.1f s from first acknowledgement (%.0f records/s);"
                        + " %.1f s including JVM start%n", drainSeconds, records / drainSeconds,
                        totalSeconds);
                System.out.printf("VmRSS while draining: peak %d MiB%n", peakDraining / 1024);
                System.out.printf("VmRSS idle (30 samples after 20 s): median %d MiB, max %d"
                        + " MiB%n", idle.get(idle.size() / 2) / 1024, idle.getLast() / 1024);
            } finally {
                agent.destroy();
                agent.waitFor();
            }
        }
    }

    private static void fill(KioskDatabase database, int records) {
        MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofDays(7)));
        Outbox outbox = KioskFixture.outbox(database, clock);
        for (int made = 0; made < records; made += 1000) {
            int chunk = Math.min(1000, records - made);
            database.inTransaction(connection -> {
                for (int i = 0; i < chunk; i++) {
                    clock.advance(Duration.ofSeconds(30));
                    outbox.append(connection, RecordType.SURVEY_RESPONSE,
                            KioskFixture.response(clock.instant()));
                }
                return null;
            });
        }
    }

    /** Reads VmRSS of process {@code pid} in KiB. */
    static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/" + pid + "/status");
    }
}
