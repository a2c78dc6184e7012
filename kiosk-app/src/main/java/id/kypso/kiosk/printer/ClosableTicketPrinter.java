package id.kypso.kiosk.printer;

/**
 * A ticket printer that keeps a connection open between tickets (a TCP socket or a serial
 * port). Close it when the app stops; printing again after closing reopens the connection.
 */
public interface ClosableTicketPrinter extends TicketPrinter, AutoCloseable {

    /** Closes the connection to the printer; a failure to close is logged, not thrown. */
    @Override
    void close();
}
