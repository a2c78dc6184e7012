package id.kypso.kiosk.counter;

import id.kypso.core.codec.PayloadException;
import id.kypso.core.config.KeyRings;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.RedemptionLedger;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.RecordType;
import id.kypso.core.sync.TicketStatus;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import id.kypso.core.ticket.TicketRedeemed;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks tickets at the pickup counter. Offline it verifies the signature against the office's
 * kiosk keys, the config's revoked tickets and this counter's own redemptions; when the
 * aggregator answers, it also catches a ticket redeemed at another counter. A ticket found
 * valid is redeemed, and a {@code ticket-redeemed} record goes to the outbox for sync.
 *
 * <p>Not thread-safe; the counter screen calls it from one background thread.
 */
public final class TicketCheck {
    private static final Logger log = LoggerFactory.getLogger(TicketCheck.class);

    private final String counterId;
    private final Supplier<Optional<ConfigBundle>> config;
    private final KioskDatabase database;
    private final RedemptionLedger redemptions;
    private final Outbox outbox;
    private final Optional<OnlineTickets> online;
    private final Clock clock;

    /**
     * @param online the aggregator, or empty for a counter that works offline only
     */
    public TicketCheck(String counterId, Supplier<Optional<ConfigBundle>> config,
            KioskDatabase database, Outbox outbox, Optional<OnlineTickets> online, Clock clock) {
        this.counterId = counterId;
        this.config = config;
        this.database = database;
        this.redemptions = new RedemptionLedger(database, clock);
        this.outbox = outbox;
        this.online = online;
        this.clock = clock;
    }

    /** Checks a scanned ticket and redeems it when it is valid. */
    public CheckResult check(String text) {
        Optional<ConfigBundle> bundle = config.get();
        if (bundle.isEmpty()) {
            log.warn("Ticket not checked: no config bundle installed, so no kiosk keys");
            return CheckResult.invalid(PayloadException.Reason.UNKNOWN_SIGNER);
        }

        Ticket ticket;
        try {
            ticket = TicketCodec.decode(text, KeyRings.kiosks(bundle.get()));
        } catch (PayloadException e) {
            log.info("Ticket rejected as {}: {}", e.reason(), e.getMessage());
            return CheckResult.invalid(e.reason());
        }
        String ticketId = ticket.ticketId();
        if (bundle.get().revokedTickets().contains(ticketId)) {
            log.info("Ticket {} rejected: revoked in the config bundle", ticketId);
            return new CheckResult(Verdict.REVOKED, null, ticket, null, null, false);
        }

        // The local redemption ledger is checked first because it works with the network down.
        Optional<RedemptionLedger.Redemption> before = redemptions.find(ticketId);
        if (before.isPresent()) {
            return alreadyUsed(ticket, before.get(), false);
        }
        if (online.isEmpty()) {
            return redeemHere(ticket, false);
        }

        // The aggregator redeems atomically across counters. Only a ticket it accepts is
        // recorded here, so a ticket used or revoked elsewhere leaves no redemption record.
        TicketStatus status;
        try {
            status = online.get().redeem(ticket.kiosk().toString(), ticket.serial());
        } catch (IOException | RuntimeException e) {
            log.warn("Aggregator check of ticket {} failed, relying on the offline check: {}",
                    ticketId, e.getMessage());
            return redeemHere(ticket, false);
        }
        return switch (status.state()) {
            case REVOKED -> {
                log.info("Ticket {} rejected: revoked at the aggregator", ticketId);
                yield new CheckResult(Verdict.REVOKED, null, ticket, null, null, true);
            }
            case REDEEMED -> status.redeemedNow()
                    ? redeemHere(ticket, true)
                    : alreadyUsedElsewhere(ticket, status);
            case ISSUED, UNKNOWN -> redeemHere(ticket, true);
        };
    }

    private CheckResult alreadyUsed(Ticket ticket, RedemptionLedger.Redemption redemption,
            boolean checkedOnline) {
        String by = redemption.counterId() == null ? counterId : redemption.counterId();
        log.info("Ticket {} rejected: redeemed by {} at {}", ticket.ticketId(), by,
                redemption.at());
        return new CheckResult(Verdict.ALREADY_USED, null, ticket, redemption.at(), by,
                checkedOnline);
    }

    private CheckResult alreadyUsedElsewhere(Ticket ticket, TicketStatus status) {
        log.info("Ticket {} rejected: redeemed at {} by {}", ticket.ticketId(),
                status.redeemedAt(), status.redeemedBy());
        if (status.redeemedAt() != null && status.redeemedBy() != null) {
            // Remembered without a sync record, so an offline re-check is refused too.
            database.inTransaction(connection -> RedemptionLedger.record(connection,
                    ticket.ticketId(), status.redeemedAt(), status.redeemedBy()));
        }
        return new CheckResult(Verdict.ALREADY_USED, null, ticket, status.redeemedAt(),
                status.redeemedBy(), true);
    }

    /** Redeems the ticket here and queues its record, in one transaction. */
    private CheckResult redeemHere(Ticket ticket, boolean checkedOnline) {
        Instant now = clock.instant();
        boolean redeemed = database.inTransaction(connection -> {
            if (!RedemptionLedger.record(connection, ticket.ticketId(), now, null)) {
                return false;
            }
            outbox.append(connection, RecordType.TICKET_REDEEMED,
                    new TicketRedeemed(ticket.ticketId(), counterId, now));
            return true;
        });
        if (!redeemed) {
            return alreadyUsed(ticket, redemptions.find(ticket.ticketId()).orElseThrow(),
                    checkedOnline);
        }
        log.info("Ticket {} redeemed (checked online: {})", ticket.ticketId(), checkedOnline);
        return new CheckResult(Verdict.VALID, null, ticket, null, null, checkedOnline);
    }
}
