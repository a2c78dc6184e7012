package id.kypso.agent.gpio;

import static org.assertj.core.api.Assertions.assertThat;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GPIO input events on Pi4J's mock board, recorded in a real SQLite file. The debounce clock
 * moves only when a test moves it, and the wall clock moves one second at each reading, so a
 * second write would store a later time.
 */
class GpioEventRecorderTest {
    private static final long MS = 1_000_000;
    private static final Instant START = Instant.parse("2026-12-04T03:00:00Z");

    @TempDir
    Path dir;

    KioskDatabase database;
    SteppingClock clock = new SteppingClock();
    AtomicLong nanos = new AtomicLong();
    Context board;
    AgentGpio gpio;

    @BeforeEach
    void open() {
        database = KioskDatabase.open(dir.resolve("kiosk.db"));
        GpioEventRecorder events = new GpioEventRecorder(clock, Runnable::run);
        events.attach(database);
        board = Pi4J.newContextBuilder()
                .add(new MockPlatform())
                .add(MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance())
                .build();
        Properties settings = new Properties();
        settings.setProperty("gpio.enabled", "true");
        settings.setProperty("gpio.light.green", "17");
        settings.setProperty("gpio.presence", "23");
        settings.setProperty("gpio.button.service", "5");
        // No periodic sampling: only the edges a test makes reach the debouncers.
        gpio = AgentGpio.open(settings, () -> board, events::servicePressed,
                events::presenceDetected, nanos::get, Duration.ofHours(1)).orElseThrow();
    }

    @AfterEach
    void close() {
        gpio.close();
    }

    @Test
    void bouncingPresenceEdge_recordsOneTime() {
        MockDigitalInput sensor = board.io("kiosk-presence");

        // Five edges within 100 ms, well inside the default 500 ms debounce time.
        sensor.mockState(DigitalState.HIGH);
        for (int edge = 0; edge < 4; edge++) {
            nanos.addAndGet(25 * MS);
            sensor.mockState(edge % 2 == 0 ? DigitalState.LOW : DigitalState.HIGH);
        }

        assertThat(state(KioskState.PRESENCE_DETECTED_AT)).isEqualTo(START.toString());
        assertThat(clock.readings()).isEqualTo(1);
    }

    @Test
    void presenceAgainAfterDebounce_recordsLaterTime() {
        MockDigitalInput sensor = board.io("kiosk-presence");
        sensor.mockState(DigitalState.HIGH);
        nanos.addAndGet(600 * MS);
        sensor.mockState(DigitalState.LOW);
        nanos.addAndGet(600 * MS);

        sensor.mockState(DigitalState.HIGH);

        assertThat(state(KioskState.PRESENCE_DETECTED_AT))
                .isEqualTo(START.plusSeconds(1).toString());
    }

    @Test
    void someoneStayingPresent_isReportedAgainEachPeriod() {
        MockDigitalInput sensor = board.io("kiosk-presence");
        sensor.mockState(DigitalState.HIGH);
        long period = PresenceRepeat.PERIOD.toNanos();

        nanos.addAndGet(period - MS);
        gpio.tickPresence();
        String early = state(KioskState.PRESENCE_DETECTED_AT);
        nanos.addAndGet(MS);
        gpio.tickPresence();

        assertThat(early).isEqualTo(START.toString());
        assertThat(state(KioskState.PRESENCE_DETECTED_AT))
                .isEqualTo(START.plusSeconds(1).toString());
    }

    @Test
    void nobodyPresent_isNotReportedAgain() {
        MockDigitalInput sensor = board.io("kiosk-presence");
        sensor.mockState(DigitalState.HIGH);
        nanos.addAndGet(600 * MS);
        sensor.mockState(DigitalState.LOW);
        nanos.addAndGet(PresenceRepeat.PERIOD.toNanos() * 3);

        gpio.tickPresence();

        assertThat(clock.readings()).isEqualTo(1);
    }

    @Test
    void presenceEnding_recordsNothing() {
        MockDigitalInput sensor = board.io("kiosk-presence");
        sensor.mockState(DigitalState.HIGH);
        nanos.addAndGet(600 * MS);

        sensor.mockState(DigitalState.LOW);
        nanos.addAndGet(600 * MS);

        assertThat(clock.readings()).isEqualTo(1);
    }

    @Test
    void servicePress_recordsPressTime() {
        MockDigitalInput button = board.io("kiosk-button-service");
        button.mockState(DigitalState.HIGH);
        nanos.addAndGet(100 * MS);

        // The service button is wired to ground with a pull-up, so LOW is a press.
        button.mockState(DigitalState.LOW);

        assertThat(state(KioskState.SERVICE_BUTTON_PRESSED_AT)).isEqualTo(START.toString());
        assertThat(state(KioskState.PRESENCE_DETECTED_AT)).isNull();
    }

    @Test
    void eventBeforeAttach_isDropped() {
        GpioEventRecorder detached = new GpioEventRecorder(clock, Runnable::run);

        detached.presenceDetected();

        assertThat(state(KioskState.PRESENCE_DETECTED_AT)).isNull();
    }

    private String state(String name) {
        return new KioskState(database).get(name).orElse(null);
    }

    /** A wall clock that moves one second each time it is read. */
    static final class SteppingClock extends Clock {
        private final AtomicInteger readings = new AtomicInteger();

        int readings() {
            return readings.get();
        }

        @Override
        public Instant instant() {
            return START.plusSeconds(readings.getAndIncrement());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests read only instants");
        }
    }
}
