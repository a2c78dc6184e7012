package id.kypso.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
     * A known redemption of a ticket.
     *
     * @param counterId the counter that redeemed it, or null for this counter
     */
    public record Redemption(Instant at, String counterId) {
    }

    /**
     * Redeems {@code ticketId} and returns empty, or returns when it was redeemed before.
     */
    public Optional<Instant> redeem(String ticketId) {
        return database.inTransaction(connection -> {
            Optional<Redemption> before = find(connection, ticketId);
            if (before.isPresent()) {
                return Optional.of(before.get().at());
            }
            insert(connection, ticketId, clock.instant(), null);
            return Optional.<Instant>empty();
        });
    }

    /** Returns the redemption of {@code ticketId} known here, if any. */
    public Optional<Redemption> find(String ticketId) {
        return database.read(connection -> find(connection, ticketId));
    }

    /**
     * Records in the caller's transaction that {@code counterId} (null for this counter)
     * redeemed {@code ticketId} at {@code at}; returns false, changing nothing, when a
     * redemption of it is already recorded.
     */
    public static boolean record(Connection connection, String ticketId, Instant at,
            String counterId) throws SQLException {
        if (find(connection, ticketId).isPresent()) {
            return false;
        }
        insert(connection, ticketId, at, counterId);
        return true;
    }

    private static Optional<Redemption> find(Connection connection, String ticketId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT redeemed_at, redeemed_by FROM redemption WHERE ticket_id = ?")) {
            select.setString(1, ticketId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next()
                        ? Optional.of(new Redemption(Instant.parse(rows.getString(1)),
                                rows.getString(2)))
                        : Optional.empty();
            }
        }
    }

    private static void insert(Connection connection, String ticketId, Instant at,
            String counterId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO redemption (ticket_id, redeemed_at, redeemed_by) VALUES (?, ?, ?)")) {
            insert.setString(1, ticketId);
            insert.setString(2, at.toString());
            insert.setString(3, counterId);
            insert.executeUpdate();
        }
    }
}
