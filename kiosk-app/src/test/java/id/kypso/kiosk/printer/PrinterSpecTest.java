package id.kypso.kiosk.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.kiosk.printer.PrinterSpec.FileSpec;
import id.kypso.kiosk.printer.PrinterSpec.SerialSpec;
import id.kypso.kiosk.printer.PrinterSpec.TcpSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PrinterSpecTest {

    @Test
    void fileSpec_keepsThePath() {
        assertThat(PrinterSpec.parse("file:/dev/usb/lp0"))
                .isEqualTo(new FileSpec(Path.of("/dev/usb/lp0")));
    }

    @Test
    void tcpSpec_readsHostAndPort() {
        assertThat(PrinterSpec.parse("tcp:192.168.1.50:9100"))
                .isEqualTo(new TcpSpec("192.168.1.50", 9100));
        assertThat(PrinterSpec.parse(" TCP:printer.local:9100 "))
                .isEqualTo(new TcpSpec("printer.local", 9100));
        assertThat(PrinterSpec.parse("tcp:[::1]:9100")).isEqualTo(new TcpSpec("::1", 9100));
    }

    @Test
    void serialSpec_defaultsTo9600Baud() {
        assertThat(PrinterSpec.parse("serial:/dev/ttyUSB0"))
                .isEqualTo(new SerialSpec("/dev/ttyUSB0", 9600));
        assertThat(PrinterSpec.parse("serial:/dev/ttyS0:115200"))
                .isEqualTo(new SerialSpec("/dev/ttyS0", 115200));
        assertThat(PrinterSpec.parse("serial:COM3:19200")).isEqualTo(new SerialSpec("COM3", 19200));
    }

    @Test
    void specToString_roundTrips() {
        for (String text : new String[] {"file:/tmp/ticket.bin", "tcp:10.0.0.9:9100",
                "serial:/dev/ttyUSB0:38400"}) {
            assertThat(PrinterSpec.parse(text).toString()).isEqualTo(text);
        }
    }

    @Test
    void badSpecs_areRejectedWithTheValue() {
        assertThatThrownBy(() -> PrinterSpec.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PrinterSpec.parse("/dev/usb/lp0")).hasMessageContaining("no kind");
        assertThatThrownBy(() -> PrinterSpec.parse("usb:/dev/usb/lp0"))
                .hasMessageContaining("unknown kind 'usb'");
        assertThatThrownBy(() -> PrinterSpec.parse("tcp:printer"))
                .hasMessageContaining("tcp:HOST:PORT");
        assertThatThrownBy(() -> PrinterSpec.parse("tcp:printer:ninety"))
                .hasMessageContaining("port 'ninety'");
        assertThatThrownBy(() -> PrinterSpec.parse("tcp:printer:70000"))
                .hasMessageContaining("1-65535: 70000");
        assertThatThrownBy(() -> PrinterSpec.parse("serial:/dev/ttyS0:12"))
                .hasMessageContaining("300-921600: 12");
        assertThatThrownBy(() -> PrinterSpec.parse("file:")).hasMessageContaining("no path");
    }
}
