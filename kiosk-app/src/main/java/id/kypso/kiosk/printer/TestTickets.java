package id.kypso.kiosk.printer;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A test ticket for maintenance mode: accented letters to check the code page, a ruler line
 * exactly one line wide to check the paper width setting, and a QR code that is not a valid
 * ticket, so a counter rejects it.
 */
public final class TestTickets {
    /** The QR content of a test ticket; it does not start with a ticket prefix. */
    public static final String QR_TEXT = "KYPSO-PRINTER-TEST";

    private TestTickets() {
    }

    /** Returns a test ticket for {@code kioskId} with the labels of the profile's language. */
    public static TicketPrint sample(PrinterProfile profile, String kioskId, ZonedDateTime now) {
        ResourceBundle labels = TicketLayout.labels(profile.locale());
        return new TicketPrint(labels.getString("test.office"), kioskId, "TEST-000000",
                "TEST-0000", "0000********0000", now, QR_TEXT,
                List.of(labels.getString("test.line1"), labels.getString("test.line2"),
                        ruler(profile.paper().columns())));
    }

    /** Returns {@code columns} digits 1234567890..., which fill exactly one line. */
    static String ruler(int columns) {
        StringBuilder digits = new StringBuilder(columns);
        for (int i = 1; i <= columns; i++) {
            digits.append(i % 10);
        }
        return digits.toString();
    }
}
