package id.kypso.aggregator.auth;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (kiosk id): {@code burst} requests at once, refilled at
 * {@code perSecond}. Kept in memory, so each aggregator instance limits on its own.
 */
public final class RateLimiter {
    private final Clock clock;
    private final double perSecond;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate limit needs perSecond > 0 and burst >= 1,"
                    + " got " + perSecond + " and " + burst);
        }
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes one token for {@code key}; returns false when its bucket is empty. */
    public boolean tryAcquire(String key) {
        Bucket bucket = buckets.computeIfAbsent(key, ignored -> new Bucket(burst,
                clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            double refill = Math.max(0, now - bucket.updatedAt) / 1000.0 * perSecond;
            bucket.tokens = Math.min(burst, bucket.tokens + refill);
            bucket.updatedAt = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
