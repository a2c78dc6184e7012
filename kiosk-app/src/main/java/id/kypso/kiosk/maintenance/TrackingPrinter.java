package id.kypso.kiosk.maintenance;

import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.printer.TicketPrint;
import id.kypso.kiosk.printer.TicketPrinter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Passes tickets to a printer and keeps its last result for the health screen. */
public final class TrackingPrinter implements TicketPrinter {
    private final TicketPrinter printer;
    private final Clock clock;
    private volatile LastPrint last;

    /** The last print and when it happened. */
    public record LastPrint(Instant at, PrintResult result) {
    }

    public TrackingPrinter(TicketPrinter printer, Clock clock) {
        this.printer = printer;
        this.clock = clock;
    }

    @Override
    public PrintResult print(TicketPrint ticket) {
        PrintResult result = printer.print(ticket);
        last = new LastPrint(clock.instant(), result);
        return result;
    }

    public Optional<LastPrint> last() {
        return Optional.ofNullable(last);
    }
}
