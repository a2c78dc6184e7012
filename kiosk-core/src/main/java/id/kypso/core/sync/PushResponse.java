package id.kypso.core.sync;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The aggregator's answer to a push: one result per record, in request order.
 *
 * @param protocol always {@link #PROTOCOL}; a kiosk counts nothing as stored unless it sees
 *     this, so a 200 from a captive portal or proxy is never taken as an acknowledgement
 */
public record PushResponse(String protocol, List<RecordResult> results, Instant serverTime) {
    public static final String PROTOCOL = "kypso-sync/1";

    /** What happened to one record. */
    public enum Status {
        /** Stored now. */
        STORED,
        /** Stored before with identical content; counts as stored. */
        DUPLICATE,
        /** Not stored and never will be; the reason says why. The kiosk keeps it aside. */
        REJECTED
    }

    public record RecordResult(UUID id, Status status, String reason) {
    }
}
