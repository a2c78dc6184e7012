package id.kypso.agent.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The kiosk clock minus the aggregator clock, measured on every response that carries the server
 * time. Signed requests carry the kiosk's estimate of server time, so a kiosk whose clock has
 * drifted past the aggregator's five-minute window still gets through and reports the drift.
 */
public final class ClockSkew {
    private final Clock clock;
    private volatile Duration skew;

    public ClockSkew(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records one measurement: the server time is taken to belong to the midpoint between
     * sending the request and receiving the response.
     */
    public void measured(Instant sentAt, Instant receivedAt, Instant serverTime) {
        Instant midpoint = sentAt.plus(Duration.between(sentAt, receivedAt).dividedBy(2));
        skew = Duration.between(serverTime, midpoint);
    }

    /** Returns the last measured skew, kiosk minus server, or empty before the first. */
    public Optional<Duration> current() {
        return Optional.ofNullable(skew);
    }

    /** Returns the kiosk's estimate of the aggregator's clock now, in epoch milliseconds. */
    public long serverMillis() {
        Duration known = skew;
        long now = clock.millis();
        return known == null ? now : now - known.toMillis();
    }

    Clock clock() {
        return clock;
    }
}
