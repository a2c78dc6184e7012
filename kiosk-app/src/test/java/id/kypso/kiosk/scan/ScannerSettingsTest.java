package id.kypso.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ScannerSettingsTest {

    private static Properties load(String text) throws Exception {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    @Test
    void framing_readsEscapedPrefixAndSuffix() throws Exception {
        ScanFraming framing = ScanFraming.fromProperties(load("""
                scanner.prefix=\\u0002]Q1
                scanner.suffix=\\u0003
                scanner.maxLength=512
                """));

        assertThat(framing.prefix()).isEqualTo("\u0002]Q1");
        assertThat(framing.suffix()).isEqualTo("\u0003");
        assertThat(framing.maxLength()).isEqualTo(512);
    }

    @Test
    void serialSettings_areEmptyWithoutAPort() throws Exception {
        assertThat(SerialScanner.Settings.fromProperties(load("scanner.prefix=]Q1\n"))).isEmpty();
    }

    @Test
    void serialSettings_readPortAndBaud() throws Exception {
        SerialScanner.Settings settings = SerialScanner.Settings.fromProperties(load("""
                scanner.serial.port=/dev/ttyACM0
                scanner.serial.baud=115200
                """)).orElseThrow();

        assertThat(settings.device()).isEqualTo("/dev/ttyACM0");
        assertThat(settings.baudRate()).isEqualTo(115200);
        assertThat(settings.framing()).isEqualTo(ScanFraming.plain());
    }

    @Test
    void badNumbers_areRejectedWithTheKey() {
        assertThatThrownBy(() -> SerialScanner.Settings.fromProperties(load("""
                scanner.serial.port=/dev/ttyACM0
                scanner.serial.baud=fast
                """))).hasMessageContaining("scanner.serial.baud must be a whole number: fast");
        assertThatThrownBy(() -> ScanFraming.fromProperties(load("scanner.maxLength=-1\n")))
                .hasMessageContaining("positive: -1");
    }
}
