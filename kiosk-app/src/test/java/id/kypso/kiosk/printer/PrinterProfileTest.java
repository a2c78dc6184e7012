package id.kypso.kiosk.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.kiosk.printer.PrinterProfile.FlowControl;
import id.kypso.kiosk.printer.PrinterProfile.PaperWidth;
import id.kypso.kiosk.printer.PrinterProfile.QrMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PrinterProfileTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void emptyProperties_giveTheDefaults() {
        assertThat(PrinterProfile.fromProperties(new Properties()))
                .isEqualTo(PrinterProfile.defaults());
    }

    @Test
    void narrowRasterPrinter_isRead() {
        PrinterProfile profile = PrinterProfile.fromProperties(properties("printer.paper", "58",
                "printer.qr", "raster", "printer.codepage", "cp437", "printer.status", "false",
                "printer.status.timeoutMs", "750", "printer.locale", "en",
                "printer.serial.flowControl", "rtscts"));

        assertThat(profile.paper()).isEqualTo(PaperWidth.MM_58);
        assertThat(profile.paper().columns()).isEqualTo(32);
        assertThat(profile.paper().dots()).isEqualTo(384);
        assertThat(profile.qrMode()).isEqualTo(QrMode.RASTER);
        assertThat(profile.qrModuleSize()).isEqualTo(5);
        assertThat(profile.codePage()).isEqualTo(CodePage.PC437);
        assertThat(profile.readsStatus()).isFalse();
        assertThat(profile.statusTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(profile.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(profile.flowControl()).isEqualTo(FlowControl.RTS_CTS);
    }

    @Test
    void badValues_areRejectedWithTheKey() {
        assertThatThrownBy(() -> PrinterProfile.fromProperties(properties("printer.paper", "76")))
                .hasMessageContaining("58 or 80 mm, got 76");
        assertThatThrownBy(() -> PrinterProfile.fromProperties(properties(
                "printer.qr.moduleSize", "big")))
                .hasMessageContaining("printer.qr.moduleSize must be a whole number: big");
        assertThatThrownBy(() -> PrinterProfile.fromProperties(properties("printer.qr", "svg")))
                .hasMessageContaining("native or raster: svg");
        assertThatThrownBy(() -> PrinterProfile.fromProperties(properties(
                "printer.serial.flowControl", "dtr")))
                .hasMessageContaining("none, rtscts or xonxoff: dtr");
        assertThatThrownBy(() -> PrinterProfile.fromProperties(properties(
                "printer.qr.moduleSize", "20")))
                .hasMessageContaining("1-16 dots: 20");
    }
}
