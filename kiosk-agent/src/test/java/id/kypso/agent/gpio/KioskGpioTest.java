package id.kypso.agent.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KioskGpioTest {
    private static final long MS = 1_000_000L;

    private Context pi4j;
    private final AtomicLong clock = new AtomicLong(5_000 * MS);
    private KioskGpio gpio;

    @BeforeEach
    void startPi4j() {
        pi4j = Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance())
                .build();
    }

    @AfterEach
    void stopPi4j() {
        if (gpio != null) {
            gpio.close();
        }
        pi4j.shutdown();
    }

    private KioskGpio open(String... keyValues) {
        Properties properties = new Properties();
        properties.setProperty("gpio.enabled", "true");
        properties.setProperty("gpio.light.green", "17");
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        gpio = KioskGpio.open(pi4j, GpioSettings.fromProperties(properties), clock::get);
        return gpio;
    }

    private DigitalState lamp(String id) {
        return pi4j.<DigitalOutput>io(id).state();
    }

    private MockDigitalInput input(String id) {
        return pi4j.io(id);
    }

    private void advance(long millis) {
        clock.addAndGet(millis * MS);
        gpio.refresh();
    }

    @Test
    void ready_isSteadyGreen() {
        KioskGpio gpio = open("gpio.light.red", "27");

        gpio.show(LightState.READY);

        for (int i = 0; i < 5; i++) {
            assertThat(lamp("kiosk-light-green")).isEqualTo(DigitalState.HIGH);
            assertThat(lamp("kiosk-light-red")).isEqualTo(DigitalState.LOW);
            advance(300);
        }
    }

    @Test
    void offline_blinksGreenOncePerSecond() {
        KioskGpio gpio = open();

        gpio.show(LightState.OFFLINE);
        List<DigitalState> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(lamp("kiosk-light-green"));
            advance(500);
        }

        assertThat(seen).containsExactly(DigitalState.HIGH, DigitalState.LOW, DigitalState.HIGH,
                DigitalState.LOW);
    }

    @Test
    void fault_isSteadyRedWithGreenOff() {
        KioskGpio gpio = open("gpio.light.red", "27");

        gpio.show(LightState.FAULT);
        advance(700);

        assertThat(lamp("kiosk-light-red")).isEqualTo(DigitalState.HIGH);
        assertThat(lamp("kiosk-light-green")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void faultWithoutRedLamp_blinksGreenFast() {
        KioskGpio gpio = open();

        gpio.show(LightState.FAULT);
        DigitalState first = lamp("kiosk-light-green");
        advance(200);

        assertThat(first).isEqualTo(DigitalState.HIGH);
        assertThat(lamp("kiosk-light-green")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void activeLowLamp_isDrivenLowWhenLit() {
        KioskGpio gpio = open("gpio.light.activeLow", "true");

        gpio.show(LightState.READY);

        assertThat(lamp("kiosk-light-green")).isEqualTo(DigitalState.LOW);
    }

    @Test
    void bouncingButton_givesOnePress() {
        KioskGpio gpio = open("gpio.button.callStaff", "22");
        AtomicInteger presses = new AtomicInteger();
        gpio.onCallStaff(presses::incrementAndGet);
        MockDigitalInput button = input("kiosk-button-call-staff");
        button.mockState(DigitalState.HIGH);

        // Pressed (to ground), bouncing for 6 ms, held, then released with bounces.
        DigitalState[] bounces = {DigitalState.LOW, DigitalState.HIGH, DigitalState.LOW,
                DigitalState.HIGH, DigitalState.LOW};
        for (DigitalState level : bounces) {
            clock.addAndGet(MS);
            button.mockState(level);
        }
        advance(300);
        for (DigitalState level : new DigitalState[] {DigitalState.HIGH, DigitalState.LOW,
                DigitalState.HIGH}) {
            clock.addAndGet(2 * MS);
            button.mockState(level);
        }
        advance(300);

        assertThat(presses).hasValue(1);
    }

    @Test
    void serviceButton_isSeparateFromCallStaff() {
        KioskGpio gpio = open("gpio.button.callStaff", "22", "gpio.button.service", "5");
        AtomicInteger service = new AtomicInteger();
        AtomicInteger callStaff = new AtomicInteger();
        gpio.onService(service::incrementAndGet);
        gpio.onCallStaff(callStaff::incrementAndGet);
        MockDigitalInput button = input("kiosk-button-service");
        button.mockState(DigitalState.HIGH);

        clock.addAndGet(MS);
        button.mockState(DigitalState.LOW);
        advance(300);
        button.mockState(DigitalState.HIGH);
        advance(300);

        assertThat(service).hasValue(1);
        assertThat(callStaff).hasValue(0);
    }

    @Test
    void twoSeparatePresses_giveTwoPresses() {
        KioskGpio gpio = open("gpio.button.callStaff", "22");
        AtomicInteger presses = new AtomicInteger();
        gpio.onCallStaff(presses::incrementAndGet);
        MockDigitalInput button = input("kiosk-button-call-staff");
        button.mockState(DigitalState.HIGH);

        for (int i = 0; i < 2; i++) {
            clock.addAndGet(200 * MS);
            button.mockState(DigitalState.LOW);
            clock.addAndGet(200 * MS);
            button.mockState(DigitalState.HIGH);
        }

        assertThat(presses).hasValue(2);
    }

    @Test
    void earlyRelease_isCaughtByRefresh() {
        KioskGpio gpio = open("gpio.button.callStaff", "22");
        AtomicInteger presses = new AtomicInteger();
        gpio.onCallStaff(presses::incrementAndGet);
        MockDigitalInput button = input("kiosk-button-call-staff");
        button.mockState(DigitalState.HIGH);

        // A 10 ms tap: the release edge lands inside the 50 ms window and is ignored...
        clock.addAndGet(100 * MS);
        button.mockState(DigitalState.LOW);
        clock.addAndGet(10 * MS);
        button.mockState(DigitalState.HIGH);
        // ...until a refresh samples the released button after the window.
        advance(100);
        clock.addAndGet(100 * MS);
        button.mockState(DigitalState.LOW);

        assertThat(presses).hasValue(2);
    }

    @Test
    void presenceSensor_wakesAndDimsOncePerChange() {
        KioskGpio gpio = open("gpio.presence", "23");
        List<Boolean> changes = new ArrayList<>();
        gpio.onPresence(changes::add);
        MockDigitalInput sensor = input("kiosk-presence");

        sensor.mockState(DigitalState.HIGH);
        clock.addAndGet(100 * MS);
        sensor.mockState(DigitalState.LOW);
        clock.addAndGet(100 * MS);
        sensor.mockState(DigitalState.HIGH);
        advance(10_000);
        sensor.mockState(DigitalState.LOW);
        advance(1_000);

        assertThat(changes).containsExactly(true, false);
    }

    @Test
    void close_turnsTheLampsOff() {
        KioskGpio opened = open("gpio.light.red", "27");
        opened.show(LightState.FAULT);
        DigitalOutput red = pi4j.io("kiosk-light-red");

        opened.close();
        gpio = null;

        assertThat(red.state()).isEqualTo(DigitalState.LOW);
        assertThat(pi4j.registry().exists("kiosk-light-red")).isFalse();
    }

    @Test
    void disabledSettings_areRejectedByOpen() {
        assertThatThrownBy(() -> KioskGpio.open(pi4j, GpioSettings.disabled(), clock::get))
                .hasMessageContaining("StatusLight.NONE");
    }
}
