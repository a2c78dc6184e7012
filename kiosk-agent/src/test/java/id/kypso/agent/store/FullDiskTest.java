package id.kypso.agent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import id.kypso.agent.KioskAgent;
import id.kypso.agent.SyncSummary;
import id.kypso.agent.status.Indication;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.TestAggregator;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.testing.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Puts the kiosk data folder on a 4 MiB tmpfs and fills it, so the agent's writes fail with
 * SQLITE_FULL after the aggregator stored a push. Needs root (to mount); skipped otherwise.
 */
class FullDiskTest {
    @TempDir
    Path mountPoint;

    private boolean mounted;

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mounted = SmallDisk.mount(mountPoint, "4m");
        assumeTrue(mounted, "mounting a tmpfs needs root; skipped");
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            SmallDisk.unmount(mountPoint);
        }
    }

    @Test
    @SuppressWarnings("try") // the app's connection is only held open, never used
    void fullDiskAfterPush_keepsRecordsPendingUntilSpaceReturns() throws Exception {
        Path dataDir = mountPoint.resolve("kiosk");
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        completeSurveys(database, kiosk);

        // The app keeps a connection open, so SQLite keeps its shared-memory file and reads
        // still work on the full disk: the push reaches the aggregator, and marking the
        // records sent is what fails.
        try (TestAggregator aggregator = TestAggregator.start(kiosk.keys().getPublic(),
                        "3273-01-K01");
                Connection app = database.connect();
                KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(aggregator.url())
                        .open()) {
            Path filler = dataDir.resolve("filler");
            SmallDisk.fill(filler);

            SyncSummary full = agent.syncOnce();

            assertThat(full.indication()).isEqualTo(Indication.FAULT);
            assertThat(full.errors()).anyMatch(error -> error.contains("disk is full"));
            assertThat(aggregator.records()).hasSize(40);
            assertThat(KioskFixture.outbox(database, Clock.systemUTC()).count("PENDING"))
                    .isEqualTo(40);

            Files.delete(filler);
            SyncSummary freed = agent.syncOnce();

            assertThat(freed.errors()).isEmpty();
            assertThat(freed.duplicates()).isEqualTo(40);
            assertThat(freed.stored()).isZero();
            assertThat(freed.allAcknowledged()).isTrue();
            assertThat(freed.indication()).isEqualTo(Indication.READY);
            assertThat(aggregator.records()).hasSize(40);
        }
        assertThat(database.integrityCheck()).isEqualTo("ok");
    }

    @Test
    void fullDiskBeforePush_isReportedAndPushesNothing() throws Exception {
        Path dataDir = mountPoint.resolve("kiosk");
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        completeSurveys(database, kiosk);

        try (TestAggregator aggregator = TestAggregator.start(kiosk.keys().getPublic(),
                        "3273-01-K01");
                KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(aggregator.url())
                        .open()) {
            Path filler = dataDir.resolve("filler");
            SmallDisk.fill(filler);

            SyncSummary full = agent.syncOnce();

            assertThat(full.indication()).isEqualTo(Indication.FAULT);
            assertThat(full.errors()).anyMatch(error -> error.contains("disk is full"));
            assertThat(aggregator.records()).isEmpty();

            Files.delete(filler);
            SyncSummary freed = agent.syncOnce();

            assertThat(freed.stored()).isEqualTo(40);
            assertThat(freed.allAcknowledged()).isTrue();
            assertThat(freed.indication()).isEqualTo(Indication.READY);
        }
        assertThat(database.integrityCheck()).isEqualTo("ok");
    }

    private static void completeSurveys(KioskDatabase database, KioskFixture kiosk)
            throws Exception {
        SurveyLedger ledger = KioskFixture.ledger(database, Clock.systemUTC());
        for (int i = 1; i <= 20; i++) {
            KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-" + i, Clock.systemUTC());
        }
    }
}
