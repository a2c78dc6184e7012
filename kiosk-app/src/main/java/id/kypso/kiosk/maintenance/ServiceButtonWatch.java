package id.kypso.kiosk.maintenance;

import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.StoreException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for presses of the GPIO service button. The agent owns the GPIO lines and writes the
 * time of each press to the shared database ({@link KioskState#SERVICE_BUTTON_PRESSED_AT});
 * this reads it every {@link #POLL_INTERVAL} and reports each new time once. A press from
 * before the app started is not reported.
 */
public final class ServiceButtonWatch implements AutoCloseable {
    /** How often the shared database is read; a press opens maintenance mode within this. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(ServiceButtonWatch.class);

    private final KioskState state;
    private final Runnable pressed;
    private String lastSeen;
    private ScheduledExecutorService scheduler;

    public ServiceButtonWatch(KioskDatabase database, Runnable pressed) {
        this.state = new KioskState(database);
        this.pressed = Objects.requireNonNull(pressed, "pressed");
        this.lastSeen = read().orElse(null);
    }

    /** Starts polling on a daemon thread of its own. */
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "service-button-watch");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, POLL_INTERVAL.toMillis(),
                POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads the press time once and reports it when it is new; the poller calls this. */
    public synchronized void check() {
        Optional<String> current = read();
        if (current.isPresent() && !current.get().equals(lastSeen)) {
            lastSeen = current.get();
            log.info("Service button pressed at {}: opening maintenance mode", lastSeen);
            pressed.run();
        }
    }

    private Optional<String> read() {
        try {
            return state.get(KioskState.SERVICE_BUTTON_PRESSED_AT);
        } catch (StoreException e) {
            log.warn("Cannot read the service button state: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
