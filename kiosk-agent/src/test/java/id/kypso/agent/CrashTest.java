package id.kypso.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.agent.testing.ChildJvm;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.SurveyWriterProcess;
import id.kypso.agent.testing.RealAggregator;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.sync.SyncJson;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the agent and a survey writer standing in for the app with SIGKILL at random moments,
 * restarts them, and checks that the aggregator ends up with exactly the completed surveys.
 * {@code -Dkypso.crash.surveys} sets the number of surveys (default 500) and
 * {@code -Dkypso.crash.seed} the random seed.
 */
class CrashTest {
    private static final Logger log = LoggerFactory.getLogger(CrashTest.class);
    private static final int SURVEYS = Integer.getInteger("kypso.crash.surveys", 500);
    private static final long SEED = Long.getLong("kypso.crash.seed", System.nanoTime());
    private static final List<String> CHILD_JVM_OPTIONS = List.of("-Xmx96m",
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    @TempDir
    Path dataDir;
    @TempDir
    Path serverDir;

    @Test
    void killedAgentAndWriter_loseAndDoubleNothing() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        kiosk.openDatabase();
        Random random = new Random(SEED);
        Path writerLog = dataDir.resolve("writer.log");
        Path agentLog = dataDir.resolve("agent.log");

        try (RealAggregator aggregator = RealAggregator.start(serverDir)) {
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic());
            List<String> agentArgs = List.of("--data-dir", dataDir.toString(), "--aggregator",
                    aggregator.url(), "--interval", "1", "--status-port", "-1",
                    "--batch-size", "16");
            Process writer = null;
            Process agent = null;
            int kills = 0;
            int rounds = 0;
            KioskDatabase observer = kiosk.openDatabase();
            while (true) {
                if (writer != null && !writer.isAlive() && writer.exitValue() == 0) {
                    break;
                }
                if (writer == null || !writer.isAlive()) {
                    writer = ChildJvm.start(SurveyWriterProcess.class, CHILD_JVM_OPTIONS,
                            List.of(dataDir.toString(), Integer.toString(SURVEYS), "60"),
                            writerLog);
                }
                if (agent == null || !agent.isAlive()) {
                    agent = ChildJvm.start(AgentMain.class, CHILD_JVM_OPTIONS, agentArgs,
                            agentLog);
                }
                rounds++;
                assertThat(rounds).as("rounds before the writer finished").isLessThan(500);

                // Kill at a random moment of real work, not of JVM start: wait until the
                // victim made progress, then a random moment more. The writer pauses 60 ms
                // between surveys, so the agent, whose JVM takes 2-3 s to start on a busy
                // 2-core machine, is killed many times across the 500 surveys.
                int victim = random.nextInt(4);
                boolean killWriter = victim == 0 || victim == 2;
                boolean killAgent = victim != 0;
                if (killWriter) {
                    long target = count(observer, "SELECT count(*) FROM surveyed_slip")
                            + 5 + random.nextInt(30);
                    waitFor(() -> count(observer, "SELECT count(*) FROM surveyed_slip")
                            >= target, writer);
                } else {
                    long target = count(observer,
                            "SELECT count(*) FROM outbox WHERE state = 'SENT'") + 1;
                    waitFor(() -> count(observer,
                            "SELECT count(*) FROM outbox WHERE state = 'SENT'") >= target, agent);
                }
                Thread.sleep(random.nextInt(400));
                if (killWriter && writer.isAlive()) {
                    kill(writer);
                    kills++;
                }
                if (killAgent && agent.isAlive()) {
                    kill(agent);
                    kills++;
                }
            }
            kill(agent);
            log.warn("Crash test seed {}: {} surveys, {} rounds, {} kills", SEED, SURVEYS,
                    rounds, kills);

            // One clean run drains whatever the killed agents left.
            int status = 1;
            for (int attempt = 0; attempt < 5 && status != 0; attempt++) {
                Process last = ChildJvm.start(AgentMain.class, CHILD_JVM_OPTIONS,
                        List.of("--data-dir", dataDir.toString(), "--aggregator",
                                aggregator.url(), "--once"), agentLog);
                assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
                status = last.exitValue();
            }
            assertThat(status).as("exit status of the final agent run, seed %d", SEED)
                    .isZero();
            verify(aggregator, kiosk.openDatabase());
            assertThat(kills).isGreaterThanOrEqualTo(12);
        }
    }

    private static void verify(RealAggregator aggregator, KioskDatabase database)
            throws Exception {
        ObjectMapper json = SyncJson.newMapper();
        assertThat(aggregator.recordsByType("3273-01-K01"))
                .containsEntry("survey-response", (long) SURVEYS)
                .containsEntry("ticket-issued", (long) SURVEYS).hasSize(2);
        assertThat(aggregator.queryLong("SELECT count(*) FROM survey_response"))
                .isEqualTo(SURVEYS);
        assertThat(aggregator.queryLong("SELECT count(*) FROM rejected_record")).isZero();
        List<Long> serials = new ArrayList<>();
        for (String payload : aggregator.payloads("3273-01-K01").values()) {
            JsonNode serial = json.readTree(payload).get("serial");
            if (serial != null) {
                serials.add(serial.asLong());
            }
        }
        assertThat(serials).hasSize(SURVEYS);
        assertThat(new TreeSet<>(serials))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, SURVEYS).boxed().toList());
        assertThat(serials).containsExactlyInAnyOrderElementsOf(ticketSerials(database));

        assertThat(database.integrityCheck()).isEqualTo("ok");
        assertThat(count(database, "SELECT count(*) FROM ticket")).isEqualTo(SURVEYS);
        assertThat(count(database, "SELECT count(*) FROM surveyed_slip")).isEqualTo(SURVEYS);
        assertThat(count(database, "SELECT count(*) FROM outbox WHERE state = 'SENT'"))
                .isEqualTo(2L * SURVEYS);
        assertThat(count(database, "SELECT count(*) FROM outbox")).isEqualTo(2L * SURVEYS);
        assertThat(count(database, "SELECT max(sequence) FROM outbox")).isEqualTo(2L * SURVEYS);
    }

    private static List<Long> ticketSerials(KioskDatabase database) {
        return database.read(connection -> {
            List<Long> serials = new ArrayList<>();
            try (ResultSet rows = connection.createStatement()
                    .executeQuery("SELECT serial FROM ticket")) {
                while (rows.next()) {
                    serials.add(rows.getLong(1));
                }
            }
            return serials;
        });
    }

    private static long count(KioskDatabase database, String sql) {
        return database.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Waits until {@code condition} holds, {@code process} ended, or 60 s passed. */
    private static void waitFor(java.util.function.BooleanSupplier condition, Process process)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean() && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void kill(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
