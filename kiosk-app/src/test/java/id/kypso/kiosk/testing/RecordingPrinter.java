package id.kypso.kiosk.testing;

import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.printer.TicketPrint;
import id.kypso.kiosk.printer.TicketPrinter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A printer that keeps every ticket in memory and can be set to fail. */
public final class RecordingPrinter implements TicketPrinter {
    private final List<TicketPrint> printed = new CopyOnWriteArrayList<>();
    private volatile PrinterFault fault;

    @Override
    public PrintResult print(TicketPrint ticket) {
        PrinterFault current = fault;
        if (current != null) {
            return new PrintResult.Failed(current, "test printer set to " + current);
        }
        printed.add(ticket);
        return new PrintResult.Printed(ticket.qrPayload().length());
    }

    /** Makes every later print fail with {@code fault}, or succeed again when null. */
    public void failWith(PrinterFault fault) {
        this.fault = fault;
    }

    public List<TicketPrint> printed() {
        return List.copyOf(printed);
    }
}
