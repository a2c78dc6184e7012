package id.kypso.agent.gpio;

import java.util.Optional;

/**
 * Turns a bouncing digital input into clean state changes. A change is accepted at its first
 * edge (so a press reacts at once) and then every edge within the debounce time of the last
 * accepted change is ignored. Sampling the input again later (see {@link #update}) catches a
 * release whose edge fell inside that window.
 *
 * <p>Not thread-safe on its own; {@link KioskGpio} calls it under a lock.
 */
final class Debouncer {
    private final long debounceNanos;
    private boolean active;
    private long lastChangeNanos;
    private boolean started;

    Debouncer(long debounceNanos, boolean initiallyActive) {
        if (debounceNanos < 0) {
            throw new IllegalArgumentException("debounce time must not be negative: "
                    + debounceNanos + " ns");
        }
        this.debounceNanos = debounceNanos;
        this.active = initiallyActive;
    }

    /**
     * Feeds the input level seen at {@code nowNanos}, from an edge event or a periodic
     * sample. Returns the new debounced level when it changed.
     */
    Optional<Boolean> update(boolean level, long nowNanos) {
        if (level == active) {
            return Optional.empty();
        }
        if (started && nowNanos - lastChangeNanos < debounceNanos) {
            return Optional.empty();
        }
        active = level;
        lastChangeNanos = nowNanos;
        started = true;
        return Optional.of(level);
    }

    boolean isActive() {
        return active;
    }
}
