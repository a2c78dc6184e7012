package id.kypso.kiosk.printer;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.qr.QrCodes;
import id.kypso.kiosk.printer.PrintResult.Failed;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.printer.PrintResult.Printed;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpPrinterTest {
    private static final int COVER_OPEN = 0x12 | 0x04;
    private static final int PAPER_END_SENSOR = 0x12 | 0x60;

    private LoopbackPrinter listener;
    private TicketPrinter printer;

    @BeforeEach
    void start() throws Exception {
        listener = new LoopbackPrinter();
        printer = TicketPrinters.create(listener.spec(),
                PrinterProfile.defaults().withStatus(true, Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
    }

    @Test
    void readyPrinter_confirmsTheTicket() {
        PrintResult result = printer.print(SampleTickets.print());

        byte[] ticket = listener.ticketBytes();
        assertThat(result).isEqualTo(new Printed(ticket.length));
        assertThat(listener.statusRequests()).isEqualTo(8);
        assertThat(QrCodes.read(EscPosRenderer.render(ticket)))
                .contains(SampleTickets.print().qrPayload());
    }

    @Test
    void paperEndBeforePrinting_sendsNoTicket() {
        listener.answer(type -> type == 4 ? PAPER_END_SENSOR : FakePrinterPeer.READY);

        PrintResult result = printer.print(SampleTickets.print());

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.PAPER_END);
        assertThat(((Failed) result).reason()).contains("before printing", listener.spec());
        assertThat(listener.ticketBytes()).isEmpty();
    }

    @Test
    void coverOpenedWhilePrinting_failsTicket() {
        AtomicInteger requests = new AtomicInteger();
        listener.answer(type -> requests.incrementAndGet() > 4 && type == 2
                ? COVER_OPEN : FakePrinterPeer.READY);

        PrintResult result = printer.print(SampleTickets.print());

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.COVER_OPEN);
        assertThat(((Failed) result).reason()).contains("after printing");
        assertThat(listener.ticketBytes()).isNotEmpty();
    }

    @Test
    void silentPrinter_isOffline() {
        listener.goSilent();

        PrintResult result = printer.print(SampleTickets.print());

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.OFFLINE);
        assertThat(listener.ticketBytes()).isEmpty();
    }

    @Test
    void mechanismError_needsStaff() {
        listener.answer(type -> type == 3 ? 0x12 | 0x08 : FakePrinterPeer.READY);

        PrintResult result = printer.print(SampleTickets.print());

        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.PRINTER_ERROR);
    }

    @Test
    void garbledStatusByte_isIoError() {
        listener.answer(type -> 0xff);

        PrintResult result = printer.print(SampleTickets.print());

        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.IO_ERROR);
        assertThat(((Failed) result).reason()).contains("not a status byte");
    }

    @Test
    void droppedConnection_isReopened() throws Exception {
        assertThat(printer.print(SampleTickets.print())).isInstanceOf(Printed.class);
        listener.dropConnections(1);

        PrintResult second = printer.print(SampleTickets.print());

        assertThat(second).isInstanceOf(Printed.class);
        assertThat(listener.awaitConnections(2)).isTrue();
        assertThat(listener.connectionCount()).isEqualTo(2);
    }

    @Test
    void droppedConnection_isReopenedWithoutStatus() throws Exception {
        TicketPrinter blind = TicketPrinters.create(listener.spec(),
                PrinterProfile.defaults().withStatus(false, Duration.ofMillis(500)));
        assertThat(blind.print(SampleTickets.print())).isInstanceOf(Printed.class);
        listener.dropConnections(1);

        PrintResult second = blind.print(SampleTickets.print());

        assertThat(second).isInstanceOf(Printed.class);
        assertThat(listener.awaitConnections(2)).isTrue();
        assertThat(listener.connectionCount()).isEqualTo(2);
    }

    @Test
    void noListener_isAnIoError() throws Exception {
        // A port that was free a moment ago and has no listener now.
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        TicketPrinter closedPrinter = TicketPrinters.create("tcp:127.0.0.1:" + port,
                PrinterProfile.defaults());

        PrintResult result = closedPrinter.print(SampleTickets.print());

        assertThat(((Failed) result).fault()).isEqualTo(PrinterFault.IO_ERROR);
    }
}
