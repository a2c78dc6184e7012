package id.kypso.kiosk.printer;

import java.time.Duration;

/** Creates the {@link TicketPrinter} for a printer setting and model profile. */
public final class TicketPrinters {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private TicketPrinters() {
    }

    /** Creates a printer from a spec string such as {@code tcp:192.168.1.50:9100}. */
    public static ClosableTicketPrinter create(String spec, PrinterProfile profile) {
        return create(PrinterSpec.parse(spec), profile);
    }

    public static ClosableTicketPrinter create(PrinterSpec spec, PrinterProfile profile) {
        PrinterPort port = switch (spec) {
            case PrinterSpec.FileSpec file -> new FilePort(file.path());
            case PrinterSpec.TcpSpec tcp -> new TcpPort(tcp.host(), tcp.port(), CONNECT_TIMEOUT);
            case PrinterSpec.SerialSpec serial ->
                    new SerialPrinterPort(serial.device(), serial.baudRate(),
                            profile.flowControl());
        };
        return new EscPosTicketPrinter(port, profile);
    }
}
