package id.kypso.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.printer.TicketPrint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTicketPrinterTest {
    @TempDir
    Path dir;

    private final TicketPrint ticket = new TicketPrint("Disdukcapil Kota Bandung",
            "3273-01-K01", "K01-000001", "REG-0001", "3273********0001",
            ZonedDateTime.parse("2026-12-04T10:20:00+07:00[Asia/Jakarta]"), "KT1:ABC",
            List.of("Perekaman: Budi Santoso"));

    @Test
    void ticket_isAppendedWithPayloadLine() throws Exception {
        Path file = dir.resolve("tickets.txt");
        FileTicketPrinter printer = new FileTicketPrinter(file);

        PrintResult first = printer.print(ticket);
        printer.print(ticket);

        assertThat(first).isInstanceOf(PrintResult.Printed.class);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).contains("K01-000001", "Perekaman: Budi Santoso", "KT1:ABC",
                "3273-01-K01  2026-12-04 10:20");
        assertThat(lines.stream().filter("KT1:ABC"::equals)).hasSize(2);
    }

    @Test
    void unwritableFile_isReportedAsFailed() {
        FileTicketPrinter printer = new FileTicketPrinter(dir.resolve("missing/tickets.txt"));

        PrintResult result = printer.print(ticket);

        assertThat(result).isInstanceOf(PrintResult.Failed.class);
        assertThat(((PrintResult.Failed) result).fault())
                .isEqualTo(PrintResult.PrinterFault.IO_ERROR);
    }
}
