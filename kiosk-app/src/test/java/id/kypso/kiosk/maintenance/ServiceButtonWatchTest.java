package id.kypso.kiosk.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceButtonWatchTest {
    @TempDir
    Path dir;

    @Test
    void newPress_isReportedOnce() {
        KioskDatabase database = KioskDatabase.open(dir.resolve("kiosk.db"));
        AtomicInteger opened = new AtomicInteger();
        ServiceButtonWatch watch = new ServiceButtonWatch(database, opened::incrementAndGet);

        new KioskState(database).put(KioskState.SERVICE_BUTTON_PRESSED_AT,
                "2026-12-04T03:00:00Z");
        watch.check();
        watch.check();

        assertThat(opened).hasValue(1);
    }

    @Test
    void pressBeforeStart_isNotReported() {
        KioskDatabase database = KioskDatabase.open(dir.resolve("kiosk.db"));
        new KioskState(database).put(KioskState.SERVICE_BUTTON_PRESSED_AT,
                "2026-12-04T02:00:00Z");
        AtomicInteger opened = new AtomicInteger();

        ServiceButtonWatch watch = new ServiceButtonWatch(database, opened::incrementAndGet);
        watch.check();

        assertThat(opened).hasValue(0);
    }

    @Test
    void secondPress_isReportedAgain() {
        KioskDatabase database = KioskDatabase.open(dir.resolve("kiosk.db"));
        AtomicInteger opened = new AtomicInteger();
        ServiceButtonWatch watch = new ServiceButtonWatch(database, opened::incrementAndGet);
        KioskState state = new KioskState(database);

        state.put(KioskState.SERVICE_BUTTON_PRESSED_AT, "2026-12-04T03:00:00Z");
        watch.check();
        state.put(KioskState.SERVICE_BUTTON_PRESSED_AT, "2026-12-04T03:05:00Z");
        watch.check();

        assertThat(opened).hasValue(2);
    }
}
