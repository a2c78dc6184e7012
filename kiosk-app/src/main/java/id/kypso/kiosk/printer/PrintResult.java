package id.kypso.kiosk.printer;

/** The outcome of printing a ticket. */
public sealed interface PrintResult {

    /** The printer took the ticket and, where it can report status, confirmed it. */
    record Printed(int bytesSent) implements PrintResult {
    }

    /** The ticket was not printed; {@code reason} is for logs and maintenance mode. */
    record Failed(PrinterFault fault, String reason) implements PrintResult {
    }

    /** Why a ticket was not printed. */
    enum PrinterFault {
        PAPER_END,
        COVER_OPEN,
        OFFLINE,
        /** The printer reports a cutter, mechanism or other error that needs staff. */
        PRINTER_ERROR,
        IO_ERROR
    }
}
