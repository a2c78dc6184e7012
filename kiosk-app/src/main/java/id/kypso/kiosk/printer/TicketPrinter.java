package id.kypso.kiosk.printer;

/**
 * Prints completion tickets. Implementations write ESC/POS to a file, serial port or TCP sink
 * and report whether the printer confirmed the ticket.
 */
public interface TicketPrinter {

    /** Prints one ticket; never throws for printer faults, which come back as the result. */
    PrintResult print(TicketPrint ticket);
}
