package id.kypso.core.ticket;

import java.time.Instant;

/**
 * The payload of a {@code ticket-issued} record: enough for online redemption checks and the
 * 24-hour service time figures, and no citizen data.
 *
 * @param perekamanAt and {@code issuedAt} truncated to the minute
 */
public record TicketIssued(String ticketId, String kioskId, long serial, Instant perekamanAt,
        Instant issuedAt) {
}
