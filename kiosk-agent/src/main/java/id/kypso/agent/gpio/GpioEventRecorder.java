package id.kypso.agent.gpio;

import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.StoreException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the times of GPIO input events to the shared database, where the kiosk app polls
 * them: a press of the service button ({@link KioskState#SERVICE_BUTTON_PRESSED_AT}) opens
 * maintenance mode, and detected presence ({@link KioskState#PRESENCE_DETECTED_AT}) wakes the
 * sleeping screen. The app acts on each new time, so every event gets the clock's current
 * instant.
 *
 * <p>GPIO opens before the database, so events that arrive before {@link #attach} are logged
 * and dropped. The writes run on {@code writer}, because a write can wait for the app's
 * transaction and GPIO listeners must return quickly.
 */
public final class GpioEventRecorder {
    private static final Logger log = LoggerFactory.getLogger(GpioEventRecorder.class);

    private final Clock clock;
    private final Executor writer;
    private final AtomicReference<KioskState> state = new AtomicReference<>();

    public GpioEventRecorder(Clock clock, Executor writer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Starts recording into {@code database}. */
    public void attach(KioskDatabase database) {
        state.set(new KioskState(database));
    }

    /** Records a debounced press of the service button. */
    public void servicePressed() {
        record(KioskState.SERVICE_BUTTON_PRESSED_AT, "service button press");
    }

    /** Records the debounced start of presence at the kiosk. */
    public void presenceDetected() {
        record(KioskState.PRESENCE_DETECTED_AT, "presence");
    }

    private void record(String name, String event) {
        String time = clock.instant().toString();
        KioskState target = state.get();
        if (target == null) {
            log.info("GPIO {} at {} came before the database opened; not recorded", event,
                    time);
            return;
        }
        try {
            writer.execute(() -> write(target, name, event, time));
        } catch (RejectedExecutionException e) {
            log.info("GPIO {} at {} came after the agent stopped; not recorded", event, time);
        }
    }

    private static void write(KioskState target, String name, String event, String time) {
        try {
            target.put(name, time);
        } catch (StoreException e) {
            log.warn("Failed to record the GPIO {} at {} under {}: {}", event, time, name,
                    e.getMessage());
        }
    }
}
