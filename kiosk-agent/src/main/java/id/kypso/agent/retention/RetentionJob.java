package id.kypso.agent.retention;

import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import java.sql.PreparedStatement;
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
 * their data until IT staff resolve the record. A running total of cleared tickets is kept in
 * {@code kiosk_state}.
 */
public final class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    /** Tickets cleared so far, in total. */
    public static final String CLEARED_TICKETS = "retention.clearedTickets";
    /** When the job last ran, as an ISO-8601 instant. */
    public static final String LAST_RUN_AT = "retention.lastRunAt";

    private final KioskDatabase database;
    private final Clock clock;
    private final Duration keepAfterSync;

    public RetentionJob(KioskDatabase database, Clock clock, Duration keepAfterSync) {
        if (keepAfterSync.isNegative()) {
            throw new IllegalArgumentException("retention period cannot be negative: "
                    + keepAfterSync);
        }
        this.database = database;
        this.clock = clock;
        this.keepAfterSync = keepAfterSync;
    }

    /** Clears what is due and returns how many tickets were cleared now. */
    public int run() {
        Instant now = clock.instant();
        Instant syncedBefore = now.minus(keepAfterSync);
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
            long total = KioskState.get(connection, CLEARED_TICKETS).map(Long::parseLong)
                    .orElse(0L);
            KioskState.put(connection, CLEARED_TICKETS, Long.toString(total + count));
            KioskState.put(connection, LAST_RUN_AT, now.toString());
            return count;
        });
        if (cleared > 0) {
            log.info("Retention cleared the personal data of {} tickets synced before {}",
                    cleared, syncedBefore);
        }
        return cleared;
    }
}
