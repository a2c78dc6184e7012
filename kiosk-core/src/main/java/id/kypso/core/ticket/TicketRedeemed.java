package id.kypso.core.ticket;

import java.time.Instant;

/** The payload of a {@code ticket-redeemed} record, pushed by a pickup counter. */
public record TicketRedeemed(String ticketId, String counterId, Instant redeemedAt) {
}
