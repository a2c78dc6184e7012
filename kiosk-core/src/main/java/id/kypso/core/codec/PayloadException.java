package id.kypso.core.codec;

/**
 * A QR payload that was read but cannot be trusted. The {@link Reason} is what user interfaces
 * turn into text; the message names the value for logs and is never shown to a citizen.
 */
public final class PayloadException extends Exception {

    /** Why a payload was rejected. */
    public enum Reason {
        /** Not one of our payloads at all, or cut short, or with bytes left over. */
        MALFORMED,
        /** One of our payloads, in a version this build does not read. */
        UNSUPPORTED_VERSION,
        /** A ticket where a slip was expected, or the other way round. */
        WRONG_KIND,
        /** Signed by a key that this device does not hold, such as another office's. */
        UNKNOWN_SIGNER,
        /** The signature does not match the content: forged or altered. */
        BAD_SIGNATURE,
        /** Signed by a key that has since been revoked. */
        REVOKED_SIGNER
    }

    private final Reason reason;

    public PayloadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PayloadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
