package id.kypso.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/heartbeat}: the kiosk's health as the fleet view shows it.
 *
 * @param oldestUnsentAt when the oldest pending record was made, or null when none is pending
 * @param printerState such as {@code READY}, {@code PAPER_END}, {@code OFFLINE}
 * @param clockSkewMillis kiosk clock minus server clock at the last exchange, or null if unknown
 * @param lastErrors the most recent errors, newest first, at most 10, with no personal data
 */
public record Heartbeat(
        String kioskId,
        Instant sentAt,
        long unsentRecords,
        Instant oldestUnsentAt,
        long rejectedRecords,
        String printerState,
        String scannerState,
        long diskFreeBytes,
        String appVersion,
        String agentVersion,
        Instant lastSyncAt,
        Long clockSkewMillis,
        List<String> lastErrors) {

    public Heartbeat {
        lastErrors = lastErrors == null ? List.of() : List.copyOf(lastErrors);
    }

    /** The aggregator's answer; {@code serverTime} lets the kiosk measure clock skew. */
    public record Ack(String protocol, Instant serverTime) {
    }
}
