package id.kypso.agent.gpio;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reports presence when the sensor starts to detect someone, and again every {@code period}
 * while it still does. The app wakes its screen on each new report and restarts its sleep
 * timer, so it does not go dark in front of a person who waits without moving.
 */
final class PresenceRepeat {
    /** Shorter than the app's least sleep time (30 s), so a person present keeps it awake. */
    static final Duration PERIOD = Duration.ofSeconds(20);

    private final Runnable presenceDetected;
    private final LongSupplier nanoTime;
    private final long periodNanos;
    private boolean present;
    private long lastReported;

    PresenceRepeat(Runnable presenceDetected, LongSupplier nanoTime, Duration period) {
        this.presenceDetected = presenceDetected;
        this.nanoTime = nanoTime;
        this.periodNanos = period.toNanos();
    }

    /** Takes a debounced change of the sensor. */
    synchronized void changed(boolean nowPresent) {
        present = nowPresent;
        if (nowPresent) {
            report();
        }
    }

    /** Reports again when someone is still there a period after the last report. */
    synchronized void tick() {
        if (present && nanoTime.getAsLong() - lastReported >= periodNanos) {
            report();
        }
    }

    private void report() {
        lastReported = nanoTime.getAsLong();
        presenceDetected.run();
    }
}
