package id.kypso.agent.status;

import java.time.Instant;
import java.util.List;

/**
 * The JSON the status endpoint returns at {@code GET /status}, for the app's maintenance screen
 * and for IT staff. Times are ISO-8601 instants; a field is null when it is not known yet.
 *
 * @param message a one-line summary of {@code state} in the requested language
 * @param oldestUnsentAgeSeconds how long the oldest pending record has waited
 * @param consecutiveFailures sync cycles in a row that did not reach the aggregator
 * @param configProblem why the last fetched config bundle was not installed, or null
 * @param clockSkewMillis kiosk clock minus aggregator clock
 * @param walBytes the size of the SQLite write-ahead log after the last checkpoint
 * @param databaseIntegrity the result of {@code PRAGMA integrity_check} at start, "ok" when
 *     healthy
 * @param retentionClearedTickets tickets whose personal data retention has cleared, in total
 * @param retentionPrunedRecords acknowledged outbox records retention has deleted, in total
 */
public record AgentStatus(
        String kioskId,
        Indication state,
        String message,
        String aggregatorUrl,
        long unsentRecords,
        Instant oldestUnsentAt,
        Long oldestUnsentAgeSeconds,
        long rejectedRecords,
        long sentRecords,
        Instant lastAttemptAt,
        Instant lastSuccessAt,
        int consecutiveFailures,
        Instant nextAttemptAt,
        String configEtag,
        String configProblem,
        Long clockSkewMillis,
        long diskFreeBytes,
        long walBytes,
        String databaseIntegrity,
        String printerState,
        String scannerState,
        String appVersion,
        Instant appSeenAt,
        String agentVersion,
        long retentionClearedTickets,
        long retentionPrunedRecords,
        Instant retentionLastRunAt,
        List<String> lastErrors) {
}
