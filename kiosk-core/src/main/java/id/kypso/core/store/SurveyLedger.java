package id.kypso.core.store;

import id.kypso.core.identity.KioskId;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.sync.RecordType;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketIssued;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Completes surveys on the kiosk. One write transaction marks the slip as surveyed, issues the
 * next ticket and appends the response and ticket records to the outbox, so after a power loss
 * either all of it happened or none.
 */
public final class SurveyLedger {
    private final KioskDatabase database;
    private final Outbox outbox;
    private final Clock clock;

    public SurveyLedger(KioskDatabase database, Outbox outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
    }

    public boolean isSurveyed(RegistrationSlip slip) {
        return database.read(connection -> findSurveyed(connection, slip).isPresent());
    }

    /**
     * Records the survey and issues its ticket.
     *
     * @param sign turns the ticket into its signed QR text
     * @throws AlreadySurveyedException when this slip was surveyed before
     */
    public IssuedTicket complete(RegistrationSlip slip, SurveyResponse response, KioskId kiosk,
            int kioskKeyVersion, Function<Ticket, String> sign) throws AlreadySurveyedException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        IssuedTicket[] issued = new IssuedTicket[1];
        boolean duplicate = database.inTransaction(connection -> {
            if (findSurveyed(connection, slip).isPresent()) {
                return true;
            }
            long serial = nextSerial(connection);
            Ticket ticket = new Ticket(kiosk, serial, slip.registrationNumber(), now,
                    slip.maskedNik(), slip.nikDigest(), kioskKeyVersion);
            String payload = sign.apply(ticket);

            insertTicket(connection, ticket, payload);
            insertSurveyed(connection, slip, now, serial);
            outbox.append(connection, RecordType.SURVEY_RESPONSE, response);
            outbox.append(connection, RecordType.TICKET_ISSUED, new TicketIssued(
                    ticket.ticketId(), kiosk.toString(), serial,
                    slip.perekamanAt().truncatedTo(ChronoUnit.MINUTES),
                    now.truncatedTo(ChronoUnit.MINUTES)));
            issued[0] = new IssuedTicket(ticket, payload);
            return false;
        });
        if (duplicate) {
            throw new AlreadySurveyedException(slip.office() + " " + slip.registrationNumber());
        }
        return issued[0];
    }

    /** Records that the printer confirmed the ticket. */
    public void markPrinted(long serial) {
        updateTicket(serial, "UPDATE ticket SET printed_at = ?, print_error = NULL"
                + " WHERE serial = ?", clock.instant().toString());
    }

    /** Records why a ticket could not be printed, so maintenance mode can reprint it. */
    public void markPrintFailed(long serial, String error) {
        updateTicket(serial, "UPDATE ticket SET print_error = ? WHERE serial = ?", error);
    }

    /** Returns the signed QR text of an issued ticket, for a reprint. */
    public Optional<String> ticketPayload(long serial) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT payload FROM ticket WHERE serial = ?")) {
                select.setLong(1, serial);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private void updateTicket(long serial, String sql, String value) {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setString(1, value);
                update.setLong(2, serial);
                return update.executeUpdate();
            }
        });
    }

    private static Optional<Long> findSurveyed(Connection connection, RegistrationSlip slip)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ticket_serial FROM surveyed_slip"
                        + " WHERE office_id = ? AND registration_number = ?")) {
            select.setString(1, slip.office().toString());
            select.setString(2, slip.registrationNumber());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static long nextSerial(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(serial), 0) + 1 FROM ticket");
                ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void insertTicket(Connection connection, Ticket ticket, String payload)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ticket (serial, registration_number, issued_at, masked_nik,"
                        + " nik_digest, payload) VALUES (?,?,?,?,?,?)")) {
            insert.setLong(1, ticket.serial());
            insert.setString(2, ticket.registrationNumber());
            insert.setString(3, ticket.issuedAt().toString());
            insert.setString(4, ticket.maskedNik().toString());
            insert.setString(5, HexFormat.of().formatHex(ticket.nikDigest()));
            insert.setString(6, payload);
            insert.executeUpdate();
        }
    }

    private static void insertSurveyed(Connection connection, RegistrationSlip slip,
            Instant now, long serial) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO surveyed_slip (office_id, registration_number, surveyed_at,"
                        + " ticket_serial) VALUES (?,?,?,?)")) {
            insert.setString(1, slip.office().toString());
            insert.setString(2, slip.registrationNumber());
            insert.setString(3, now.toString());
            insert.setLong(4, serial);
            insert.executeUpdate();
        }
    }

    /** A ticket issued for a completed survey, with its signed QR text. */
    public record IssuedTicket(Ticket ticket, String payload) {
    }

    /** The slip was surveyed before; nothing was stored. */
    public static final class AlreadySurveyedException extends Exception {
        public AlreadySurveyedException(String slip) {
            super("slip " + slip + " was already surveyed");
        }
    }
}
