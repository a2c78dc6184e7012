package id.kypso.kiosk.counter;

import id.kypso.core.sync.TicketStatus;
import java.io.IOException;

/** The aggregator's view of tickets, for catching a ticket redeemed at another counter. */
public interface OnlineTickets {

    /**
     * Redeems the ticket at the aggregator and returns its status there.
     *
     * @throws IOException when the aggregator cannot be reached or gives no usable answer; the
     *     counter then relies on its offline check
     */
    TicketStatus redeem(String kioskId, long serial) throws IOException;
}
