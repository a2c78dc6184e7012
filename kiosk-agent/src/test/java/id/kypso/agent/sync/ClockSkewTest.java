package id.kypso.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.KioskAgent;
import id.kypso.agent.SyncSummary;
import id.kypso.agent.status.Indication;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.RealAggregator;
import id.kypso.core.store.KioskDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClockSkewTest {
    @TempDir
    Path dataDir;
    @TempDir
    Path serverDir;

    @Test
    void slowKioskClock_isCorrected() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        Clock slow = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        KioskFixture.completeSurvey(KioskFixture.ledger(database, slow), kiosk.keys(), "REG-1",
                slow);

        try (RealAggregator aggregator = RealAggregator.start(serverDir);
                KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(aggregator.url())
                        .clock(slow).open()) {
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic());

            SyncSummary summary = agent.syncOnce();

            assertThat(summary.errors()).isEmpty();
            assertThat(summary.stored()).isEqualTo(2);
            assertThat(summary.indication()).isEqualTo(Indication.READY);
            Long skew = agent.status(Locale.ENGLISH).clockSkewMillis();
            assertThat(skew).isBetween(-Duration.ofMinutes(21).toMillis(),
                    -Duration.ofMinutes(19).toMillis());
        }
    }
}
