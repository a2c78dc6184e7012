package id.kypso.kiosk.printer;

import id.kypso.kiosk.printer.PrinterProfile.PaperWidth;
import id.kypso.kiosk.printer.PrinterProfile.QrMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Counts the bytes one ticket sends for each paper width, QR mode and code page, and the time
 * they take on a serial line. Run by {@code scripts/bench-devices.sh}; prints Markdown and,
 * given a folder, writes a rendered 80 mm and 58 mm ticket there as PNG.
 */
public final class PrintingBytesBenchmark {
    /** DLE EOT 1-4 before and after each ticket, three bytes each. */
    static final int STATUS_REQUEST_BYTES = 2 * 4 * 3;

    private PrintingBytesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        TicketPrint ticket = SampleTickets.print("Disdukcapil Kota Bandung", List.of(
                "Verifikasi: Budi Santoso", "Perekaman: Siti Rahayu",
                "Pengambilan: José Núñez"));
        System.out.println("| paper | QR | code page | ticket bytes | with status requests"
                + " | at 9600 baud | at 115200 baud |");
        System.out.println("| --- | --- | --- | ---: | ---: | ---: | ---: |");
        for (PaperWidth paper : PaperWidth.values()) {
            for (QrMode mode : QrMode.values()) {
                for (CodePage page : List.of(CodePage.PC858, CodePage.ASCII)) {
                    PrinterProfile profile = PrinterProfile.defaults().withPaper(paper)
                            .withQrModuleSize(paper == PaperWidth.MM_58 ? 5 : 6)
                            .withQrMode(mode).withCodePage(page);
                    int bytes = new TicketLayout(profile).render(ticket).length;
                    int total = bytes + STATUS_REQUEST_BYTES;
                    System.out.printf("| %d mm | %s | %s | %d | %d | %.2f s | %.3f s |%n",
                            paper.millimetres(), mode.name().toLowerCase(), page.key(), bytes,
                            total, seconds(total, 9600), seconds(total, 115_200));
                }
            }
        }
        System.out.println();
        System.out.println("QR payload: " + ticket.qrPayload().length() + " characters.");

        if (args.length > 0) {
            Path folder = Path.of(args[0]);
            Files.createDirectories(folder);
            for (PaperWidth paper : PaperWidth.values()) {
                PrinterProfile profile = PrinterProfile.defaults().withPaper(paper)
                        .withQrModuleSize(paper == PaperWidth.MM_58 ? 5 : 6);
                ImageIO.write(EscPosRenderer.render(new TicketLayout(profile).render(ticket),
                        paper.dots()), "png",
                        folder.resolve("ticket-" + paper.millimetres() + "mm.png").toFile());
            }
        }
    }

    /** Seconds on an 8N1 serial line: 10 bits per byte. */
    private static double seconds(int bytes, int baud) {
        return bytes * 10.0 / baud;
    }
}
