package id.kypso.agent.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import id.kypso.agent.status.Indication;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentGpioTest {

    private static Context mockBoard() {
        return Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance())
                .build();
    }

    private static Properties settings(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    @Test
    void gpioDisabled_opensNothing() {
        assertThat(AgentGpio.open(settings(), AgentGpioTest::mockBoard)).isEmpty();
    }

    @Test
    void invalidPins_runWithoutLight() {
        assertThat(AgentGpio.open(settings("gpio.enabled", "true"), AgentGpioTest::mockBoard))
                .isEmpty();
    }

    @Test
    void boardThatFails_runsWithoutLight() {
        assertThat(AgentGpio.open(settings("gpio.enabled", "true", "gpio.light.green", "17"),
                () -> {
                    throw new IllegalStateException("no GPIO chip");
                })).isEmpty();
    }

    @Test
    void agentIndication_isShownOnTheLight() {
        try (AgentGpio gpio = AgentGpio.open(settings("gpio.enabled", "true",
                "gpio.light.green", "17", "gpio.light.red", "27"), AgentGpioTest::mockBoard)
                .orElseThrow()) {
            gpio.show(Indication.READY);
            assertThat(gpio.shownState()).isEqualTo(LightState.READY);

            gpio.show(Indication.FAULT);
            assertThat(gpio.shownState()).isEqualTo(LightState.FAULT);

            gpio.show(Indication.OFFLINE);
            assertThat(gpio.shownState()).isEqualTo(LightState.OFFLINE);
        }
    }

    @Test
    void testPattern_startsWithRed() {
        try (AgentGpio gpio = AgentGpio.open(settings("gpio.enabled", "true",
                "gpio.light.green", "17", "gpio.light.red", "27"), AgentGpioTest::mockBoard)
                .orElseThrow()) {
            gpio.show(Indication.READY);

            assertThat(gpio.startTestPattern()).isTrue();
            assertThat(gpio.shownState()).isEqualTo(LightState.FAULT);
        }
    }

    @Test
    void kioskWithoutLight_hasNoTestPattern() {
        assertThat(id.kypso.agent.status.StatusLight.NONE.startTestPattern()).isFalse();
    }

    @Test
    void serviceButton_callsBack() {
        java.util.concurrent.atomic.AtomicInteger presses =
                new java.util.concurrent.atomic.AtomicInteger();
        Context board = mockBoard();
        try (AgentGpio gpio = AgentGpio.open(settings("gpio.enabled", "true",
                "gpio.light.green", "17", "gpio.button.service", "5",
                "gpio.button.debounceMs", "0"), () -> board, presses::incrementAndGet)
                .orElseThrow()) {
            com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput button =
                    board.io("kiosk-button-service");
            button.mockState(com.pi4j.io.gpio.digital.DigitalState.HIGH);
            button.mockState(com.pi4j.io.gpio.digital.DigitalState.LOW);

            assertThat(presses.get()).isEqualTo(1);
        }
    }
}
