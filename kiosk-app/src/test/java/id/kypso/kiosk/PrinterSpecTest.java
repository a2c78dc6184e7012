package id.kypso.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrinterSpecTest {

    @Test
    void fileSpec_keepsThePath() {
        assertThat(PrinterSpec.parse("file:/dev/usb/lp0"))
                .isEqualTo(new PrinterSpec.File(Path.of("/dev/usb/lp0")));
    }

    @Test
    void tcpSpec_splitsHostAndPort() {
        assertThat(PrinterSpec.parse("tcp:127.0.0.1:9100"))
                .isEqualTo(new PrinterSpec.Tcp("127.0.0.1", 9100));
    }

    @Test
    void serialSpec_keepsThePort() {
        assertThat(PrinterSpec.parse("serial:/dev/ttyUSB0"))
                .isEqualTo(new PrinterSpec.Serial("/dev/ttyUSB0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "file:", "lp0", "usb:/dev/lp0", "tcp:host", "tcp:host:0",
        "tcp:host:99999", "tcp:host:port"})
    void invalidSpec_isRejectedWithTheText(String text) {
        assertThatThrownBy(() -> PrinterSpec.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'");
    }
}
