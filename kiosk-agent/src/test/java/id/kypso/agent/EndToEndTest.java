package id.kypso.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.status.Indication;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.RealAggregator;
import id.kypso.core.config.BundleStore;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.SurveyLedger;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent against the project's real aggregator. */
class EndToEndTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path serverDir;

    @Test
    void syncOnce_worksWithRealAggregator() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        Clock clock = Clock.systemUTC();
        SurveyLedger ledger = KioskFixture.ledger(database, clock);
        for (int i = 1; i <= 12; i++) {
            KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-" + i, clock);
        }

        try (RealAggregator aggregator = RealAggregator.start(serverDir)) {
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic());
            try (KioskAgent agent = KioskAgent.builder(dataDir)
                    .aggregatorUrl(aggregator.url()).batchSize(5).open()) {
                SyncSummary first = agent.syncOnce();
                SyncSummary second = agent.syncOnce();

                assertThat(first.errors()).isEmpty();
                assertThat(first.stored()).isEqualTo(24);
                assertThat(first.rejected()).isZero();
                assertThat(first.allAcknowledged()).isTrue();
                assertThat(first.configInstalled()).isTrue();
                assertThat(first.heartbeatSent()).isTrue();
                assertThat(first.indication()).isEqualTo(Indication.READY);
                assertThat(second.pushed()).isZero();
                assertThat(second.configInstalled()).isFalse();
            }
            assertThat(aggregator.recordsByType("3273-01-K01"))
                    .containsEntry("survey-response", 12L)
                    .containsEntry("ticket-issued", 12L);
        }
        assertThat(new BundleStore(dataDir).load()).get()
                .extracting(bundle -> bundle.officeId()).isEqualTo("3273-01");
    }
}
