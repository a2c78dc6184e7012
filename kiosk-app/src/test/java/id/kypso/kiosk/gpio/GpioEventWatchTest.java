package id.kypso.kiosk.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpioEventWatchTest {
    @TempDir
    Path dir;

    KioskDatabase database;
    KioskState state;
    AtomicInteger presses = new AtomicInteger();
    AtomicInteger arrivals = new AtomicInteger();

    @BeforeEach
    void open() {
        database = KioskDatabase.open(dir.resolve("kiosk.db"));
        state = new KioskState(database);
    }

    @Test
    void newPress_isReportedOnce() {
        GpioEventWatch watch = watchBoth();

        state.put(KioskState.SERVICE_BUTTON_PRESSED_AT, "2026-12-04T03:00:00Z");
        watch.check();
        watch.check();

        assertThat(presses).hasValue(1);
        assertThat(arrivals).hasValue(0);
    }

    @Test
    void pressBeforeWatching_isNotReported() {
        state.put(KioskState.SERVICE_BUTTON_PRESSED_AT, "2026-12-04T02:00:00Z");
        state.put(KioskState.PRESENCE_DETECTED_AT, "2026-12-04T02:00:01Z");

        GpioEventWatch watch = watchBoth();
        watch.check();

        assertThat(presses).hasValue(0);
        assertThat(arrivals).hasValue(0);
    }

    @Test
    void secondPress_isReportedAgain() {
        GpioEventWatch watch = watchBoth();

        state.put(KioskState.SERVICE_BUTTON_PRESSED_AT, "2026-12-04T03:00:00Z");
        watch.check();
        state.put(KioskState.SERVICE_BUTTON_PRESSED_AT, "2026-12-04T03:05:00Z");
        watch.check();

        assertThat(presses).hasValue(2);
    }

    @Test
    void presenceAndPress_reachTheirOwnListeners() {
        GpioEventWatch watch = watchBoth();

        state.put(KioskState.PRESENCE_DETECTED_AT, "2026-12-04T03:00:00Z");
        watch.check();
        state.put(KioskState.PRESENCE_DETECTED_AT, "2026-12-04T03:00:09Z");
        state.put(KioskState.SERVICE_BUTTON_PRESSED_AT, "2026-12-04T03:00:10Z");
        watch.check();

        assertThat(arrivals).hasValue(2);
        assertThat(presses).hasValue(1);
    }

    @Test
    void failingListener_doesNotStopTheOthers() {
        GpioEventWatch watch = new GpioEventWatch(database)
                .on(KioskState.SERVICE_BUTTON_PRESSED_AT, () -> {
                    throw new IllegalStateException("maintenance view missing");
                })
                .on(KioskState.PRESENCE_DETECTED_AT, arrivals::incrementAndGet);
        watch.check();

        state.put(KioskState.SERVICE_BUTTON_PRESSED_AT, "2026-12-04T03:00:00Z");
        state.put(KioskState.PRESENCE_DETECTED_AT, "2026-12-04T03:00:00Z");
        watch.check();

        assertThat(arrivals).hasValue(1);
    }

    @Test
    void sameNameTwice_isRejected() {
        GpioEventWatch watch = watchBoth();

        assertThatThrownBy(() -> watch.on(KioskState.PRESENCE_DETECTED_AT, () -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KioskState.PRESENCE_DETECTED_AT);
    }

    // Returns a watch that has made its first read, as start() does at once.
    private GpioEventWatch watchBoth() {
        GpioEventWatch watch = new GpioEventWatch(database)
                .on(KioskState.SERVICE_BUTTON_PRESSED_AT, presses::incrementAndGet)
                .on(KioskState.PRESENCE_DETECTED_AT, arrivals::incrementAndGet);
        watch.check();
        return watch;
    }
}
