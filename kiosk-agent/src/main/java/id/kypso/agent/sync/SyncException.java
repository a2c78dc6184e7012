package id.kypso.agent.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * A sync exchange that did not end in an acknowledgement from the aggregator. Nothing is marked
 * as sent when one is thrown; {@link #kind()} tells the caller whether to back off, split the
 * batch or call IT staff.
 */
public final class SyncException extends Exception {
    /** Why the exchange failed. */
    public enum Kind {
        /** No answer: connection refused or reset, DNS failure, timeout. Retried later. */
        UNREACHABLE,
        /**
         * An answer that did not come from a KYPSO aggregator: no {@code Kypso-Protocol}
         * header, a redirect, an HTML login page, or a body of the wrong format.
         */
        NOT_AGGREGATOR,
        /** 401: unknown or revoked kiosk, bad signature or a timestamp outside the window. */
        UNAUTHORIZED,
        /** 400, 413 or 422 from the aggregator: the request itself was rejected. */
        BAD_REQUEST,
        /** 5xx, 429 or another status the aggregator should not send. Retried later. */
        SERVER_ERROR
    }

    private final Kind kind;
    private final int status;
    private final Duration retryAfter;

    SyncException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, message, cause, null);
    }

    SyncException(Kind kind, int status, String message, Throwable cause, Duration retryAfter) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    SyncException(Kind kind, int status, String message) {
        this(kind, status, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the answer, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** How long the aggregator asked the kiosk to wait (429 or 503), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
