package id.kypso.kiosk;

import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.printer.TicketPrint;
import id.kypso.kiosk.printer.TicketPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends each ticket to a file as plain text, ending with its QR payload on a line of its own.
 * It stands in for {@code --printer file:PATH} until the ESC/POS printers replace it.
 */
final class FileTicketPrinter implements TicketPrinter {
    private static final Logger log = LoggerFactory.getLogger(FileTicketPrinter.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Path file;

    FileTicketPrinter(Path file) {
        this.file = file;
    }

    @Override
    public PrintResult print(TicketPrint ticket) {
        StringBuilder text = new StringBuilder()
                .append(ticket.officeName()).append('\n')
                .append(ticket.kioskId()).append("  ").append(TIME.format(ticket.issuedAt()))
                .append('\n')
                .append(ticket.shortCode()).append('\n')
                .append(ticket.registrationNumber()).append("  ").append(ticket.maskedNik())
                .append('\n');
        for (String line : ticket.lines()) {
            text.append(line).append('\n');
        }
        text.append(ticket.qrPayload()).append("\n\n");
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new PrintResult.Printed(bytes.length);
        } catch (IOException e) {
            log.error("Cannot write ticket {} to {}", ticket.shortCode(), file, e);
            return new PrintResult.Failed(PrinterFault.IO_ERROR, "cannot write " + file + ": "
                    + e.getMessage());
        }
    }
}
