package id.kypso.agent.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GpioSettingsTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void noGpioKeys_meansDisabled() {
        assertThat(GpioSettings.fromProperties(new Properties()).enabled()).isFalse();
    }

    @Test
    void fullPinSet_isRead() {
        GpioSettings settings = GpioSettings.fromProperties(properties("gpio.enabled", "true",
                "gpio.light.green", "17", "gpio.light.red", "27", "gpio.button.callStaff", "22",
                "gpio.button.debounceMs", "30", "gpio.presence", "23",
                "gpio.presence.activeLow", "true"));

        assertThat(settings.greenPin()).isEqualTo(17);
        assertThat(settings.redPin()).isEqualTo(OptionalInt.of(27));
        assertThat(settings.callStaffPin()).isEqualTo(OptionalInt.of(22));
        assertThat(settings.buttonActiveLow()).isTrue();
        assertThat(settings.buttonDebounce()).isEqualTo(Duration.ofMillis(30));
        assertThat(settings.presencePin()).isEqualTo(OptionalInt.of(23));
        assertThat(settings.presenceActiveLow()).isTrue();
        assertThat(settings.presenceDebounce()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void enabledWithoutGreenPin_isRejected() {
        assertThatThrownBy(() -> GpioSettings.fromProperties(properties("gpio.enabled", "true")))
                .hasMessageContaining("gpio.light.green is missing");
    }

    @Test
    void badValues_areRejectedWithTheKey() {
        assertThatThrownBy(() -> GpioSettings.fromProperties(properties("gpio.enabled", "true",
                "gpio.light.green", "40"))).hasMessageContaining("gpio.light.green")
                .hasMessageContaining("0-27: 40");
        assertThatThrownBy(() -> GpioSettings.fromProperties(properties("gpio.enabled", "true",
                "gpio.light.green", "17", "gpio.light.red", "red")))
                .hasMessageContaining("gpio.light.red must be a whole number: red");
        assertThatThrownBy(() -> GpioSettings.fromProperties(properties("gpio.enabled", "yes")))
                .hasMessageContaining("gpio.enabled must be true or false: yes");
    }
}
