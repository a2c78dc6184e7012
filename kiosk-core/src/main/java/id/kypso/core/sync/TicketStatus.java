package id.kypso.core.sync;

import java.time.Instant;

/**
 * The aggregator's answer to {@code GET /api/v1/tickets/{kioskId}/{serial}} and to
 * {@code POST .../redeem}.
 *
 * @param redeemedNow true only on the redeem call that redeemed the ticket
 * @param redeemedAt when the ticket was first redeemed, or null
 */
public record TicketStatus(String protocol, String ticketId, State state, boolean redeemedNow,
        Instant redeemedAt, String redeemedBy) {

    /** What the aggregator knows of a ticket. */
    public enum State {
        /** Issued and synced, not redeemed. */
        ISSUED,
        /** Not synced yet; the counter relies on its offline check. */
        UNKNOWN,
        /** Redeemed, at {@code redeemedAt} by counter {@code redeemedBy}. */
        REDEEMED,
        /** Revoked by the office; it must not be honoured. */
        REVOKED
    }
}
