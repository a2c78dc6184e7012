package id.kypso.kiosk.printer;

import id.kypso.kiosk.printer.PrintResult.Failed;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.printer.PrintResult.Printed;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints tickets as ESC/POS through one {@link PrinterPort}. Where the port can answer, the
 * printer's status is read before the ticket is sent and again after it; the ticket counts as
 * printed only when the status after printing shows no fault.
 */
final class EscPosTicketPrinter implements ClosableTicketPrinter {
    private static final Logger LOG = LoggerFactory.getLogger(EscPosTicketPrinter.class);

    private final PrinterPort port;
    private final PrinterProfile profile;
    private final TicketLayout layout;

    EscPosTicketPrinter(PrinterPort port, PrinterProfile profile) {
        this.port = port;
        this.profile = profile;
        this.layout = new TicketLayout(profile);
    }

    @Override
    public synchronized PrintResult print(TicketPrint ticket) {
        byte[] bytes;
        try {
            bytes = layout.render(ticket);
        } catch (IllegalArgumentException e) {
            LOG.error("Ticket {} cannot be laid out: {}", ticket.shortCode(), e.getMessage());
            return new Failed(PrinterFault.IO_ERROR, "ticket cannot be laid out: "
                    + e.getMessage());
        }

        // A failure before the ticket is written is safe to retry once on a fresh connection.
        try {
            return send(ticket, bytes);
        } catch (BeforeTicketException e) {
            LOG.info("Printer {} failed before ticket {} was sent ({}); reopening and retrying"
                    + " once", port.name(), ticket.shortCode(), e.getCause().toString());
            port.close();
            try {
                return send(ticket, bytes);
            } catch (BeforeTicketException again) {
                return ioFailure(ticket, again.getCause());
            }
        }
    }

    @Override
    public synchronized void close() {
        port.close();
        LOG.info("Closed printer {}", port.name());
    }

    private PrintResult send(TicketPrint ticket, byte[] bytes) throws BeforeTicketException {
        boolean statusOn = profile.readsStatus() && port.canReadStatus();
        try {
            port.closeIfStale();
            if (statusOn) {
                Optional<PrintResult> refused = check(ticket, "before printing");
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
        } catch (IOException e) {
            throw new BeforeTicketException(e);
        }

        // Part of the ticket may be on paper once writing starts, so from here a failure is
        // reported and never retried: a retry could print the ticket twice.
        try {
            port.write(bytes);
            if (statusOn) {
                Optional<PrintResult> failed = check(ticket, "after printing");
                if (failed.isPresent()) {
                    return failed.get();
                }
            }
        } catch (IOException e) {
            return ioFailure(ticket, e);
        }
        LOG.info("Printed ticket {} on {} ({} bytes)", ticket.shortCode(), port.name(),
                bytes.length);
        return new Printed(bytes.length);
    }

    /** Reads the status and returns the failure it shows, if any. */
    private Optional<PrintResult> check(TicketPrint ticket, String when) throws IOException {
        Optional<PrinterStatus> status = StatusReader.read(port, profile.statusTimeout());
        if (status.isEmpty()) {
            String reason = "printer on " + port.name() + " did not answer the status request "
                    + when + " within " + profile.statusTimeout().toMillis() + " ms";
            LOG.warn("Ticket {} not printed: {}", ticket.shortCode(), reason);
            return Optional.of(new Failed(PrinterFault.OFFLINE, reason));
        }
        PrinterStatus current = status.get();
        if (current.paperNearEnd()) {
            LOG.warn("Printer on {} reports paper near end; replace the roll soon",
                    port.name());
        }
        Optional<PrinterFault> fault = current.fault();
        if (fault.isEmpty()) {
            return Optional.empty();
        }
        String reason = "printer on " + port.name() + " reports "
                + fault.get().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                + when + " (" + current + ")";
        LOG.warn("Ticket {} not printed: {}", ticket.shortCode(), reason);
        return Optional.of(new Failed(fault.get(), reason));
    }

    private Failed ioFailure(TicketPrint ticket, Throwable error) {
        port.close();
        String reason = "printing on " + port.name() + " failed: " + error.getMessage();
        LOG.warn("Ticket {} not printed: {}", ticket.shortCode(), reason, error);
        return new Failed(PrinterFault.IO_ERROR, reason);
    }

    /** An I/O failure that happened before the ticket was written. */
    private static final class BeforeTicketException extends Exception {
        BeforeTicketException(IOException cause) {
            super(cause);
        }
    }
}
