package id.kypso.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10),
            new Random(7));

    @Test
    void delay_doublesWithJitter() {
        for (int failures = 1; failures <= 7; failures++) {
            long window = 5_000L << (failures - 1);
            for (int i = 0; i < 50; i++) {
                long delay = backoff.delay(failures).toMillis();
                assertThat(delay).as("failure %d", failures)
                        .isBetween(window / 2, window);
            }
        }
    }

    @Test
    void delay_isCappedAtTheMaximum() {
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.delay(40)).isBetween(Duration.ofMinutes(5),
                    Duration.ofMinutes(10));
        }
        assertThat(backoff.delay(Integer.MAX_VALUE)).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void delay_isJitteredSoKiosksSpreadOut() {
        Set<Duration> delays = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            delays.add(backoff.delay(3));
        }
        assertThat(delays).hasSizeGreaterThan(10);
    }

    @Test
    void noFailures_meansNoDelay() {
        assertThat(backoff.delay(0)).isZero();
    }

    @Test
    void maximumBelowBase_isRejected() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofSeconds(1),
                new Random())).hasMessageContaining("below its base");
    }
}
