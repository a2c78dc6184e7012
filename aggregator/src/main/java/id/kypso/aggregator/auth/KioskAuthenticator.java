package id.kypso.aggregator.auth;

import id.kypso.aggregator.enroll.Kiosk;
import id.kypso.aggregator.enroll.KioskRegistry;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.identity.KioskId;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the signature of kiosk requests: the kiosk must be enrolled and not revoked, the
 * timestamp within the allowed skew of the server clock, the body within the size limit and
 * the Ed25519 signature valid over method, path with query, timestamp and body hash.
 */
public final class KioskAuthenticator {
    private static final Logger log = LoggerFactory.getLogger(KioskAuthenticator.class);
    private static final String ATTRIBUTE = "kypso.kiosk";

    private final KioskRegistry kiosks;
    private final Clock clock;
    private final Duration allowedSkew;
    private final long maxBodyBytes;
    private final RateLimiter rateLimiter;

    public KioskAuthenticator(KioskRegistry kiosks, Clock clock, Duration allowedSkew,
            long maxBodyBytes, RateLimiter rateLimiter) {
        this.kiosks = kiosks;
        this.clock = clock;
        this.allowedSkew = allowedSkew;
        this.maxBodyBytes = maxBodyBytes;
        this.rateLimiter = rateLimiter;
    }

    /** Wraps {@code handler} so it runs only for a correctly signed request. */
    public Handler signed(SignedHandler handler) {
        return ctx -> handler.handle(ctx, authenticate(ctx), ctx.bodyAsBytes());
    }

    /** Returns the kiosk that signed the request, checking everything the API promises. */
    Kiosk authenticate(Context ctx) {
        // The size check comes first: a too-large body is rejected before it is read.
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) {
            throw bodyTooLarge(declared);
        }
        String kioskHeader = ctx.header(SyncHeaders.KIOSK);
        String timestampHeader = ctx.header(SyncHeaders.TIMESTAMP);
        String signature = ctx.header(SyncHeaders.SIGNATURE);
        if (kioskHeader == null || timestampHeader == null || signature == null) {
            throw ProblemException.unauthorized("missing-signature", "headers "
                    + SyncHeaders.KIOSK + ", " + SyncHeaders.TIMESTAMP + " and "
                    + SyncHeaders.SIGNATURE + " are required");
        }
        KioskId kioskId;
        long timestamp;
        try {
            kioskId = KioskId.parse(kioskHeader);
            timestamp = Long.parseLong(timestampHeader);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthorized("bad-signature", "signature headers are"
                    + " invalid: " + e.getMessage());
        }

        long skew = timestamp - clock.millis();
        if (Math.abs(skew) > allowedSkew.toMillis()) {
            log.warn("Rejected request of kiosk {}: timestamp {} ms off the server clock",
                    kioskId, skew);
            throw ProblemException.unauthorized("stale-timestamp", "timestamp " + timestamp
                    + " is " + skew + " ms from the server clock, more than the allowed "
                    + allowedSkew.toMillis() + " ms; correct the kiosk clock")
                    .with("serverTime", clock.instant().toString());
        }

        Optional<Kiosk> kiosk = kiosks.find(kioskId);
        if (kiosk.isEmpty()) {
            throw ProblemException.unauthorized("unknown-kiosk", "kiosk " + kioskId
                    + " is not enrolled");
        }
        if (kiosk.get().isRevoked()) {
            throw ProblemException.unauthorized("revoked-kiosk", "kiosk " + kioskId
                    + " was revoked");
        }

        byte[] body = ctx.bodyAsBytes();
        if (body.length > maxBodyBytes) {
            throw bodyTooLarge(body.length);
        }
        String query = ctx.queryString();
        String pathAndQuery = query == null ? ctx.path() : ctx.path() + "?" + query;
        if (!RequestSignature.verify(kiosk.get().key(), signature, ctx.method().name(),
                pathAndQuery, timestamp, body)) {
            log.warn("Rejected request of kiosk {} to {}: bad signature", kioskId, ctx.path());
            throw ProblemException.unauthorized("bad-signature", "signature of kiosk "
                    + kioskId + " does not verify for " + ctx.method() + " " + pathAndQuery);
        }

        if (!rateLimiter.tryAcquire(kioskId.toString())) {
            throw new ProblemException(429, "rate-limited", "Too many requests", "kiosk "
                    + kioskId + " sent more requests than its limit; retry after a second")
                    .with("retryAfterSeconds", 1);
        }
        ctx.attribute(ATTRIBUTE, kiosk.get());
        return kiosk.get();
    }

    private ProblemException bodyTooLarge(long bytes) {
        return new ProblemException(413, "body-too-large", "Content too large", "request body"
                + " of " + bytes + " bytes is over the limit of " + maxBodyBytes + " bytes;"
                + " send smaller batches");
    }

    /** A handler for a signed request, given the verified kiosk and the body it signed. */
    @FunctionalInterface
    public interface SignedHandler {
        void handle(Context ctx, Kiosk kiosk, byte[] body) throws Exception;
    }
}
