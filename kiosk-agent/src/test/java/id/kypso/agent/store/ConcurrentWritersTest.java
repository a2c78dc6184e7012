package id.kypso.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.KioskAgent;
import id.kypso.agent.SyncSummary;
import id.kypso.agent.testing.ChildJvm;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.RealAggregator;
import id.kypso.agent.testing.SurveyWriterProcess;
import id.kypso.core.store.KioskDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app (a survey writer in its own JVM) and the agent write the shared database at the same
 * time, with checkpoints in between. Neither may fail with SQLITE_BUSY or "database is locked".
 */
class ConcurrentWritersTest {
    private static final int SURVEYS = 300;

    @TempDir
    Path dataDir;
    @TempDir
    Path serverDir;

    @Test
    void concurrentWriters_neverFailBusy() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        Path writerLog = dataDir.resolve("writer.log");

        try (RealAggregator aggregator = RealAggregator.start(serverDir);
                KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(aggregator.url())
                        .batchSize(4).open()) {
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic());
            Process writer = ChildJvm.start(SurveyWriterProcess.class, List.of("-Xmx96m"),
                    List.of(dataDir.toString(), Integer.toString(SURVEYS), "0"), writerLog);

            int cycles = 0;
            while (writer.isAlive() || KioskFixture.outbox(database, Clock.systemUTC())
                    .count("PENDING") > 0) {
                SyncSummary summary = agent.syncOnce();
                cycles++;
                assertThat(summary.errors()).as("cycle %d", cycles).isEmpty();
                assertThat(cycles).isLessThan(10_000);
            }

            assertThat(writer.waitFor(1, TimeUnit.MINUTES)).isTrue();
            String log = Files.readString(writerLog);
            assertThat(writer.exitValue()).as("writer exit status; log:%n%s", log).isZero();
            assertThat(log).doesNotContain("SQLITE_BUSY").doesNotContain("database is locked");
            assertThat(cycles).isGreaterThan(1);
            assertThat(aggregator.recordsByType("3273-01-K01"))
                    .containsEntry("survey-response", (long) SURVEYS)
                    .containsEntry("ticket-issued", (long) SURVEYS);
        }
        assertThat(database.integrityCheck()).isEqualTo("ok");
    }
}
