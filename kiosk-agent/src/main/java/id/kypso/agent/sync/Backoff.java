package id.kypso.agent.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delays between failed sync cycles: exponential from {@code base}, capped at {@code max},
 * with "equal jitter" (a random point in the upper half of the window), so thousands of kiosks
 * coming back after a regional outage spread out instead of retrying in step.
 */
public final class Backoff {
    private final Duration base;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration max, RandomGenerator random) {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base must be positive: " + base);
        }
        if (max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff maximum " + max
                    + " is below its base " + base);
        }
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** Returns the delay after {@code failures} failures in a row (1 for the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            return Duration.ZERO;
        }
        long window = base.toMillis();
        for (int i = 1; i < failures && window < max.toMillis(); i++) {
            window *= 2;
        }
        window = Math.min(window, max.toMillis());
        long half = window / 2;
        return Duration.ofMillis(half + random.nextLong(window - half + 1));
    }
}
