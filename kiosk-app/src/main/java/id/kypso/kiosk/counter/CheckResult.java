package id.kypso.kiosk.counter;

import id.kypso.core.codec.PayloadException;
import id.kypso.core.ticket.Ticket;
import java.time.Instant;

/**
 * The outcome of checking one ticket at the counter.
 *
 * @param reason why an INVALID ticket was rejected, otherwise null
 * @param ticket the decoded ticket, null when it could not be decoded
 * @param redeemedAt for ALREADY_USED, when it was first redeemed
 * @param redeemedBy for ALREADY_USED, the counter that redeemed it, when the aggregator said so
 * @param checkedOnline whether the aggregator answered for this check
 */
public record CheckResult(Verdict verdict, PayloadException.Reason reason, Ticket ticket,
        Instant redeemedAt, String redeemedBy, boolean checkedOnline) {

    static CheckResult invalid(PayloadException.Reason reason) {
        return new CheckResult(Verdict.INVALID, reason, null, null, null, false);
    }
}
