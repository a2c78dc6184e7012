package id.kypso.core.sync;

/** HTTP header names of sync API version 1. */
public final class SyncHeaders {
    /** The kiosk id that signed the request, such as {@code 3273-01-K01}. */
    public static final String KIOSK = "Kypso-Kiosk";
    /** The request time in milliseconds since the epoch, part of what is signed. */
    public static final String TIMESTAMP = "Kypso-Timestamp";
    /** Base64 Ed25519 signature of {@link RequestSignature#canonical}. */
    public static final String SIGNATURE = "Kypso-Signature";
    /** Sent by the aggregator on every answer: {@code 1}. */
    public static final String PROTOCOL = "Kypso-Protocol";

    private SyncHeaders() {
    }
}
