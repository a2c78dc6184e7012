package id.kypso.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Tickets redeemed at a pickup counter; each ticket is redeemed once. */
public final class RedemptionLedger {
    private final KioskDatabase database;
    private final Clock clock;

    public RedemptionLedger(KioskDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Redeems {@code ticketId} and returns empty, or returns when it was redeemed before.
     */
    public Optional<Instant> redeem(String ticketId) {
        return database.inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT redeemed_at FROM redemption WHERE ticket_id = ?")) {
                select.setString(1, ticketId);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return Optional.of(Instant.parse(rows.getString(1)));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO redemption (ticket_id, redeemed_at) VALUES (?, ?)")) {
                insert.setString(1, ticketId);
                insert.setString(2, clock.instant().toString());
                insert.executeUpdate();
            }
            return Optional.<Instant>empty();
        });
    }
}
