package id.kypso.agent.retention;

import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the personal data of tickets a set time after the aggregator acknowledged them: the
 * masked NIK, the NIK digest and the signed ticket text that carries both. The ticket row itself
 * stays, because ticket serials are numbered from it and must never repeat, so a cleared
 * ticket can no longer be reprinted. Tickets whose record is still pending or was rejected keep
 * their data until IT staff resolve the record.
 *
 * <p>The job also deletes outbox records a longer time after the aggregator acknowledged them,
 * so the database does not grow for the life of the kiosk; until then they remain for IT staff
 * to resend to an aggregator restored from an old backup. Pending and rejected records are never
 * deleted, and neither is the record with the highest sequence number, because the outbox
 * numbers new records from it. Running totals are kept in {@code kiosk_state}.
 */
public final class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** Tickets cleared so far, in total. */
    public static final String CLEARED_TICKETS = "retention.clearedTickets";
    /** Acknowledged outbox records deleted so far, in total. */
    public static final String PRUNED_RECORDS = "retention.prunedRecords";
    /** When the job last ran, as an ISO-8601 instant. */
    public static final String LAST_RUN_AT = "retention.lastRunAt";

    /**
     * The maximum time a registration slip stays on the kiosk. The aggregator serves a few
     * days of them, and this bounds what a kiosk keeps while it cannot reach the aggregator.
     */
    public static final Duration KEEP_REGISTRATIONS = Duration.ofDays(7);

    private final KioskDatabase database;
    private final Clock clock;
    private final Duration keepAfterSync;
    private final Duration keepSentRecords;

    /**
     * @param keepAfterSync how long a ticket's personal data stays after its acknowledgement
     * @param keepSentRecords how long an acknowledged outbox record stays
     */
    public RetentionJob(KioskDatabase database, Clock clock, Duration keepAfterSync,
            Duration keepSentRecords) {
        if (keepAfterSync.isNegative() || keepSentRecords.isNegative()) {
            throw new IllegalArgumentException("retention periods cannot be negative: "
                    + keepAfterSync + ", " + keepSentRecords);
        }
        this.database = database;
        this.clock = clock;
        this.keepAfterSync = keepAfterSync;
        this.keepSentRecords = keepSentRecords;
    }

    /** Clears and deletes what is due and returns how many tickets were cleared now. */
    public int run() {
        Instant now = clock.instant();
        Instant syncedBefore = now.minus(keepAfterSync);
        int[] pruned = new int[1];
        int cleared = database.inTransaction(connection -> {
            int count;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ticket SET masked_nik = NULL, nik_digest = NULL, payload = ''"
                            + " WHERE (masked_nik IS NOT NULL OR nik_digest IS NOT NULL"
                            + " OR payload <> '')"
                            + " AND serial IN (SELECT json_extract(body, '$.serial') FROM outbox"
                            + " WHERE type = 'ticket-issued' AND state = 'SENT'"
                            + " AND julianday(sent_at) <= julianday(?))")) {
                update.setString(1, syncedBefore.toString());
                count = update.executeUpdate();
            }

            // Tickets are cleared first, in the same transaction, so no ticket loses the
            // record that tells when it was synced before its data is cleared.
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM outbox WHERE state = 'SENT'"
                            + " AND julianday(sent_at) <= julianday(?)"
                            + " AND sequence < (SELECT max(sequence) FROM outbox)")) {
                delete.setString(1, now.minus(keepSentRecords.compareTo(keepAfterSync) < 0
                        ? keepAfterSync : keepSentRecords).toString());
                pruned[0] = delete.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM registration WHERE perekaman_at < ?")) {
                delete.setString(1, now.minus(KEEP_REGISTRATIONS.compareTo(keepAfterSync) < 0
                        ? KEEP_REGISTRATIONS : keepAfterSync).toString());
                delete.executeUpdate();
            }
            addTo(connection, CLEARED_TICKETS, count);
            addTo(connection, PRUNED_RECORDS, pruned[0]);
            KioskState.put(connection, LAST_RUN_AT, now.toString());
            return count;
        });
        if (cleared > 0 || pruned[0] > 0) {
            log.info("Retention cleared the personal data of {} tickets synced before {} and"
                    + " deleted {} acknowledged records", cleared, syncedBefore, pruned[0]);
        }
        return cleared;
    }

    private static void addTo(Connection connection, String name, long amount)
            throws SQLException {
        long total = KioskState.get(connection, name).map(Long::parseLong).orElse(0L);
        KioskState.put(connection, name, Long.toString(total + amount));
    }
}
