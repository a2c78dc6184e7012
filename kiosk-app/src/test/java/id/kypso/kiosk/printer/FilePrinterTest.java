package id.kypso.kiosk.printer;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.qr.QrCodes;
import id.kypso.kiosk.printer.PrintResult.Failed;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.printer.PrintResult.Printed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePrinterTest {

    @TempDir
    Path folder;

    @Test
    void filePrinter_writesTheTicketBytes() throws Exception {
        Path device = folder.resolve("lp0");
        TicketPrinter printer = TicketPrinters.create("file:" + device, PrinterProfile.defaults());

        PrintResult result = printer.print(SampleTickets.print());

        byte[] written = Files.readAllBytes(device);
        assertThat(result).isEqualTo(new Printed(written.length));
        assertThat(QrCodes.read(EscPosRenderer.render(written)))
                .contains(SampleTickets.print().qrPayload());
    }

    @Test
    void filePrinter_appendsEachTicket() throws Exception {
        Path device = folder.resolve("lp0");
        TicketPrinter printer = TicketPrinters.create("file:" + device, PrinterProfile.defaults());

        Printed first = (Printed) printer.print(SampleTickets.print());
        Printed second = (Printed) printer.print(SampleTickets.print());

        assertThat(Files.size(device)).isEqualTo(first.bytesSent() + second.bytesSent());
    }

    @Test
    void missingDeviceFolder_failsWithIoError() {
        Path device = folder.resolve("no-such-dir/lp0");
        TicketPrinter printer = TicketPrinters.create("file:" + device, PrinterProfile.defaults());

        PrintResult result = printer.print(SampleTickets.print());

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.IO_ERROR);
        assertThat(((Failed) result).reason()).contains("file:" + device);
    }

    @Test
    void missingDevice_isNotCreated() throws Exception {
        Path device = Path.of("/dev/kypso-test-missing-lp" + ProcessHandle.current().pid());
        TicketPrinter printer = TicketPrinters.create("file:" + device, PrinterProfile.defaults());

        try {
            PrintResult result = printer.print(SampleTickets.print());

            assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.IO_ERROR);
            assertThat(((Failed) result).reason()).contains("printer device not found");
            assertThat(device).doesNotExist();
        } finally {
            Files.deleteIfExists(device);
        }
    }

    @Test
    void testTicket_printsAccentsAndItsQr() throws Exception {
        Path device = folder.resolve("lp0");
        PrinterProfile profile = PrinterProfile.defaults();
        TicketPrinter printer = TicketPrinters.create("file:" + device, profile);

        PrintResult result = printer.print(TestTickets.sample(profile, "3273-01-K01",
                java.time.ZonedDateTime.parse("2026-12-04T09:45:00+07:00[Asia/Jakarta]")));

        byte[] written = Files.readAllBytes(device);
        assertThat(result).isInstanceOf(Printed.class);
        assertThat(EscPosRenderer.text(written))
                .contains("TES PRINTER", "Huruf beraksen: é è ñ ü ö ç à",
                        "123456789012345678901234567890123456789012345678");
        assertThat(QrCodes.read(EscPosRenderer.render(written))).contains(TestTickets.QR_TEXT);
    }
}
