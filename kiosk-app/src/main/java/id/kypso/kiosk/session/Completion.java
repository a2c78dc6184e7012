package id.kypso.kiosk.session;

import id.kypso.kiosk.printer.PrintResult;
import java.time.ZonedDateTime;

/** The outcome of {@link CitizenSession#complete}. */
public sealed interface Completion {

    /** The survey is stored and its ticket issued; {@code print} tells whether it printed. */
    record Issued(TicketReceipt ticket, PrintResult print) implements Completion {

        public boolean printed() {
            return print instanceof PrintResult.Printed;
        }
    }

    /** Nothing was stored. */
    record Rejected(Refusal refusal) implements Completion {
    }

    /**
     * The issued ticket, for the done screen: when printing failed, the citizen is shown the
     * QR code and short code instead.
     */
    record TicketReceipt(String ticketId, long serial, String shortCode,
            String registrationNumber, String maskedNik, ZonedDateTime issuedAt,
            String qrPayload) {
    }
}
