package id.kypso.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.agent.testing.ChildJvm;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.SurveyWriterProcess;
import id.kypso.agent.testing.TestAggregator;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.sync.SyncJson;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void killedAgentAndWriter_loseAndDoubleNothing() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        kiosk.openDatabase();
        Random random = new Random(SEED);
        Path writerLog = dataDir.resolve("writer.log");
        Path agentLog = dataDir.resolve("agent.log");

        try (TestAggregator aggregator = TestAggregator.start(kiosk.keys().getPublic(),
                "3273-01-K01")) {
            List<String> agentArgs = List.of("--data-dir", dataDir.toString(), "--aggregator",
                    aggregator.url(), "--interval", "1", "--status-port", "-1",
                    "--batch-size", "16");
            Process writer = null;
            Process agent = null;
            int kills = 0;
            boolean writerDone = false;
            while (!writerDone) {
                if (writer == null || !writer.isAlive()) {
                    if (writer != null && writer.exitValue() == 0) {
                        writerDone = true;
                        continue;
                    }
                    writer = ChildJvm.start(SurveyWriterProcess.class, CHILD_JVM_OPTIONS,
                            List.of(dataDir.toString(), Integer.toString(SURVEYS), "30"),
                            writerLog);
                }
                if (agent == null || !agent.isAlive()) {
                    agent = ChildJvm.start(AgentMain.class, CHILD_JVM_OPTIONS, agentArgs,
                            agentLog);
                }

                // Let both work for a random moment, then kill the agent (5 in 8), the writer
                // (2 in 8) or both. A JVM takes about 1.6 s to start and open the database on
                // a 2-core machine, so the writer is killed less often to let it progress.
                Thread.sleep(600 + random.nextInt(1800));
                int victim = random.nextInt(8);
                if (victim <= 2 && writer.isAlive()) {
                    kill(writer);
                    kills++;
                }
                if (victim >= 2) {
                    kill(agent);
                    kills++;
                }
                assertThat(kills).as("kills before the writer finished").isLessThan(2000);
            }
            kill(agent);
            log.warn("Crash test seed {}: {} surveys, {} kills", SEED, SURVEYS, kills);

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
            assertThat(kills).isGreaterThanOrEqualTo(20);

            verify(aggregator, kiosk.openDatabase());
        }
    }

    private static void verify(TestAggregator aggregator, KioskDatabase database)
            throws Exception {
        ObjectMapper json = SyncJson.newMapper();
        Map<String, Integer> types = new HashMap<>();
        List<Long> serials = new ArrayList<>();
        for (String text : aggregator.records().values()) {
            JsonNode record = json.readTree(text);
            types.merge(record.get("type").asText(), 1, Integer::sum);
            if (record.get("type").asText().equals("ticket-issued")) {
                serials.add(record.get("payload").get("serial").asLong());
            }
        }
        assertThat(types).containsEntry("survey-response", SURVEYS)
                .containsEntry("ticket-issued", SURVEYS).hasSize(2);
        assertThat(new TreeSet<>(serials)).hasSize(SURVEYS)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, SURVEYS).boxed().toList());

        assertThat(database.integrityCheck()).isEqualTo("ok");
        assertThat(count(database, "SELECT count(*) FROM ticket")).isEqualTo(SURVEYS);
        assertThat(count(database, "SELECT count(*) FROM surveyed_slip")).isEqualTo(SURVEYS);
        assertThat(count(database, "SELECT count(*) FROM outbox WHERE state = 'SENT'"))
                .isEqualTo(2L * SURVEYS);
        assertThat(count(database, "SELECT count(*) FROM outbox")).isEqualTo(2L * SURVEYS);
        assertThat(count(database, "SELECT max(sequence) FROM outbox")).isEqualTo(2L * SURVEYS);
    }

    private static long count(KioskDatabase database, String sql) {
        return database.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static void kill(Process process) throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
