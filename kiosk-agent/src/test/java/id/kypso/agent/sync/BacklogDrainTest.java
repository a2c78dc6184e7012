package id.kypso.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.AgentMain;
import id.kypso.agent.testing.ChildJvm;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.core.testing.MutableClock;
import id.kypso.agent.testing.RealAggregator;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.sync.RecordType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk offline for seven days comes back with 20,000 records and drains them with a heap
 * capped at 32 MiB, which holds only if the agent keeps one batch in memory at a time.
 */
class BacklogDrainTest {
    private static final Logger log = LoggerFactory.getLogger(BacklogDrainTest.class);
    private static final int RECORDS = 20_000;

    @TempDir
    Path dataDir;
    @TempDir
    Path serverDir;

    @Test
    void sevenDayBacklog_drainsInBoundedMemory() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofDays(7)));
        Outbox outbox = KioskFixture.outbox(database, clock);
        for (int made = 0; made < RECORDS; made += 1000) {
            database.inTransaction(connection -> {
                for (int i = 0; i < 1000; i++) {
                    clock.advance(Duration.ofSeconds(30));
                    outbox.append(connection, RecordType.SURVEY_RESPONSE,
                            KioskFixture.response(clock.instant()));
                }
                return null;
            });
        }
        assertThat(outbox.count("PENDING")).isEqualTo(RECORDS);

        try (RealAggregator aggregator = RealAggregator.start(serverDir)) {
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic());
            Path agentLog = dataDir.resolve("agent.log");
            long started = System.nanoTime();
            Process agent = ChildJvm.start(AgentMain.class,
                    List.of("-Xmx32m", "-XX:+UseSerialGC"),
                    List.of("--data-dir", dataDir.toString(), "--aggregator", aggregator.url(),
                            "--once", "--batch-size", "500"), agentLog);

            assertThat(agent.waitFor(5, TimeUnit.MINUTES)).isTrue();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(agent.exitValue()).as("agent exit status; log:%n%s",
                    Files.readString(agentLog)).isZero();
            log.warn("Drained {} records in {} ms with a 32 MiB heap", RECORDS, millis);
            assertThat(aggregator.recordsByType("3273-01-K01"))
                    .containsEntry("survey-response", (long) RECORDS);
        }
        assertThat(outbox.count("SENT")).isEqualTo(RECORDS);
        assertThat(outbox.count("PENDING")).isZero();
    }
}
