package id.kypso.aggregator.ticket;

import id.kypso.aggregator.enroll.Kiosk;
import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.identity.KioskId;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.TicketStatus;
import id.kypso.core.sync.TicketStatus.State;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online ticket checks for pickup counters: a ticket is redeemed once, and a second redeem
 * answers when and by which counter it was redeemed.
 */
public final class TicketService {
    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final Database database;
    private final Clock clock;

    public TicketService(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public TicketStatus status(Kiosk counter, String kioskId, long serial) {
        String ticketId = ticketId(counter, kioskId, serial);
        return database.read(connection -> find(connection, ticketId))
                .map(row -> row.toStatus(ticketId, false))
                .orElse(new TicketStatus(PushResponse.PROTOCOL, ticketId, State.UNKNOWN, false,
                        null, null));
    }

    /**
     * Redeems a ticket. A ticket the aggregator has not seen yet is redeemed too, so a second
     * counter cannot hand out the same KTP-el before the issuing kiosk syncs.
     */
    public TicketStatus redeem(Kiosk counter, String kioskId, long serial) {
        String ticketId = ticketId(counter, kioskId, serial);
        long now = clock.millis();
        String counterId = counter.id().toString();
        TicketStatus status = database.inTransaction(connection -> {
            Optional<Row> row = find(connection, ticketId);
            if (row.isPresent() && row.get().revokedAt() != null) {
                return row.get().toStatus(ticketId, false);
            }
            int changed = Sql.update(connection, "INSERT INTO ticket (ticket_id, kiosk_id,"
                    + " office_id, region, serial, redeemed_at, redeemed_by) VALUES"
                    + " (?,?,?,?,?,?,?) ON CONFLICT (ticket_id) DO UPDATE SET"
                    + " redeemed_at = excluded.redeemed_at, redeemed_by = excluded.redeemed_by"
                    + " WHERE ticket.redeemed_at IS NULL", ticketId, kioskId,
                    counter.office().toString(), counter.office().region(), serial, now,
                    counterId);
            Row after = find(connection, ticketId).orElseThrow();
            return after.toStatus(ticketId, changed == 1);
        });
        if (status.redeemedNow()) {
            log.info("Ticket {} redeemed by counter {}", ticketId, counterId);
        } else {
            log.info("Counter {} tried to redeem ticket {} again: state {}", counterId,
                    ticketId, status.state());
        }
        return status;
    }

    /**
     * Revokes a ticket so counters refuse it, also one the aggregator has not seen yet (a
     * ticket reported lost before its kiosk synced). Revoking twice keeps the first time.
     */
    public void revoke(KioskId kioskId, long serial) {
        String ticketId = kioskId + "/" + serial;
        int changed = database.inTransaction(connection -> Sql.update(connection,
                "INSERT INTO ticket (ticket_id, kiosk_id, office_id, region, serial, revoked_at)"
                        + " VALUES (?,?,?,?,?,?) ON CONFLICT (ticket_id) DO UPDATE SET"
                        + " revoked_at = excluded.revoked_at WHERE ticket.revoked_at IS NULL",
                ticketId, kioskId.toString(), kioskId.office().toString(),
                kioskId.office().region(), serial, clock.millis()));
        if (changed == 1) {
            log.info("Revoked ticket {}", ticketId);
        }
    }

    private static String ticketId(Kiosk counter, String kioskIdText, long serial) {
        KioskId kioskId;
        try {
            kioskId = KioskId.parse(kioskIdText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        if (serial < 1 || serial > 0xffff_ffffL) {
            throw ProblemException.badRequest("ticket serial must be 1-4294967295: " + serial);
        }
        if (!kioskId.office().equals(counter.office())) {
            throw ProblemException.forbidden("counter " + counter.id() + " cannot check"
                    + " tickets of office " + kioskId.office());
        }
        return kioskId + "/" + serial;
    }

    private static Optional<Row> find(java.sql.Connection connection, String ticketId)
            throws java.sql.SQLException {
        return Sql.queryOne(connection, "SELECT issued_at, redeemed_at, redeemed_by, revoked_at"
                + " FROM ticket WHERE ticket_id = ?", rows -> new Row(
                        Sql.nullableLong(rows, "issued_at"), Sql.nullableLong(rows, "redeemed_at"),
                        rows.getString("redeemed_by"), Sql.nullableLong(rows, "revoked_at")),
                ticketId);
    }

    private record Row(Long issuedAt, Long redeemedAt, String redeemedBy, Long revokedAt) {

        TicketStatus toStatus(String ticketId, boolean redeemedNow) {
            Instant redeemed = redeemedAt == null ? null : Instant.ofEpochMilli(redeemedAt);
            State state;
            if (revokedAt != null) {
                state = State.REVOKED;
            } else if (redeemedAt != null) {
                state = State.REDEEMED;
            } else if (issuedAt != null) {
                state = State.ISSUED;
            } else {
                state = State.UNKNOWN;
            }
            return new TicketStatus(PushResponse.PROTOCOL, ticketId, state, redeemedNow,
                    redeemed, redeemedBy);
        }
    }
}
