package id.kypso.kiosk.printer;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.qr.QrCodes;
import id.kypso.kiosk.printer.PrintResult.Failed;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.printer.PrintResult.Printed;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialPrinterTest {
    @TempDir
    Path folder;

    private SocatPair pair;
    private FileInputStream deviceIn;
    private FileOutputStream deviceOut;
    private FakePrinterPeer peer;

    @BeforeEach
    void plugIn() throws Exception {
        pair = new SocatPair(folder).start();
        deviceIn = new FileInputStream(pair.deviceSide().toFile());
        deviceOut = new FileOutputStream(pair.deviceSide().toFile());
        peer = new FakePrinterPeer(deviceIn, deviceOut);
        Thread.ofVirtual().start(peer);
    }

    @AfterEach
    void unplug() throws Exception {
        pair.close();
        deviceIn.close();
        deviceOut.close();
    }

    private TicketPrinter printer() {
        return TicketPrinters.create("serial:" + pair.kioskSide() + ":115200",
                PrinterProfile.defaults().withStatus(true, Duration.ofMillis(500)));
    }

    @Test
    void serialPrinter_confirmsAndPrintsTheTicket() {
        PrintResult result = printer().print(SampleTickets.print());

        byte[] ticket = peer.ticketBytes();
        assertThat(result).isEqualTo(new Printed(ticket.length));
        assertThat(QrCodes.read(EscPosRenderer.render(ticket)))
                .contains(SampleTickets.print().qrPayload());
    }

    @Test
    void paperEnd_isReportedOverSerial() {
        peer.answer(type -> type == 2 ? 0x12 | 0x20 : FakePrinterPeer.READY);

        PrintResult result = printer().print(SampleTickets.print());

        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.PAPER_END);
        assertThat(peer.ticketBytes()).isEmpty();
    }

    @Test
    void paperRunningOutWhilePrinting_failsTheTicket() {
        AtomicInteger requests = new AtomicInteger();
        peer.answer(type -> requests.incrementAndGet() > 4 && type == 4
                ? 0x12 | 0x60 : FakePrinterPeer.READY);

        PrintResult result = printer().print(SampleTickets.print());

        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.PAPER_END);
        assertThat(((Failed) result).reason()).contains("after printing");
        assertThat(peer.ticketBytes()).isNotEmpty();
        assertThat(peer.statusRequests()).isEqualTo(8);
    }

    @Test
    void coverOpen_isReportedOverSerial() {
        peer.answer(type -> type == 2 ? 0x12 | 0x04 : FakePrinterPeer.READY);

        PrintResult result = printer().print(SampleTickets.print());

        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.COVER_OPEN);
    }

    @Test
    void silentSerialPrinter_isOffline() {
        peer.goSilent();

        PrintResult result = printer().print(SampleTickets.print());

        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.OFFLINE);
        assertThat(((Failed) result).reason()).contains("did not answer");
    }

    @Test
    void rasterTicket_passesThroughSerialIntact() {
        TicketPrinter raster = TicketPrinters.create("serial:" + pair.kioskSide() + ":115200",
                PrinterProfile.defaults().withQrMode(PrinterProfile.QrMode.RASTER)
                        .withStatus(true, Duration.ofMillis(500)));

        PrintResult result = raster.print(SampleTickets.print());

        assertThat(result).isInstanceOf(Printed.class);
        assertThat(QrCodes.read(EscPosRenderer.render(peer.ticketBytes())))
                .contains(SampleTickets.print().qrPayload());
    }

    @Test
    void handshakeProfiles_printOverSerial() {
        for (PrinterProfile.FlowControl flow : PrinterProfile.FlowControl.values()) {
            TicketPrinter printer = TicketPrinters.create("serial:" + pair.kioskSide(),
                    PrinterProfile.defaults().withFlowControl(flow)
                            .withStatus(true, Duration.ofMillis(500)));

            PrintResult result = printer.print(SampleTickets.print());

            assertThat(result).as("flow control %s", flow).isInstanceOf(Printed.class);
            ((ClosableTicketPrinter) printer).close();
        }
    }
}
