package id.kypso.kiosk.gpio;

import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for GPIO input events. The agent owns the GPIO lines and writes the time of each
 * event to the shared database under a {@link KioskState} name, such as
 * {@link KioskState#SERVICE_BUTTON_PRESSED_AT} or {@link KioskState#PRESENCE_DETECTED_AT}.
 * This reads every watched name every {@link #POLL_INTERVAL} and calls its listener once for
 * each new time. The first read of a name only notes its time, so an event from before the
 * watch started is not reported.
 */
public final class GpioEventWatch implements AutoCloseable {
    /** How often the shared database is read, so an event reaches its listener within this. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(GpioEventWatch.class);

    private final KioskDatabase database;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Runnable> listeners = new HashMap<>();
    private final Map<String, String> lastSeen = new HashMap<>();
    private ScheduledExecutorService scheduler;

    public GpioEventWatch(KioskDatabase database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /**
     * Calls {@code listener} on the polling thread for each new time under {@code name}.
     * Returns this watch, to add more names. It does not touch the database, so the JavaFX
     * thread may call it.
     */
    public synchronized GpioEventWatch on(String name, Runnable listener) {
        if (listeners.containsKey(name)) {
            throw new IllegalArgumentException(name + " is already watched");
        }
        names.add(name);
        listeners.put(name, Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Starts polling on a daemon thread of its own. Its first read notes the current times. */
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gpio-event-watch");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, 0, POLL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("Watching GPIO events {} every {} ms", names, POLL_INTERVAL.toMillis());
    }

    /**
     * Reads every watched name once and reports each new time. The poller calls this, and
     * the first successful read of a name only notes its time.
     */
    public synchronized void check() {
        Optional<Map<String, String>> read = read(names);
        if (read.isEmpty()) {
            return;
        }
        Map<String, String> current = read.get();
        for (String name : names) {
            String time = current.get(name);
            if (!lastSeen.containsKey(name)) {
                lastSeen.put(name, time);
                continue;
            }
            if (time == null || time.equals(lastSeen.get(name))) {
                continue;
            }
            lastSeen.put(name, time);
            log.debug("GPIO event {} at {}", name, time);
            try {
                listeners.get(name).run();
            } catch (RuntimeException e) {
                log.error("Listener of GPIO event {} at {} failed", name, time, e);
            }
        }
    }

    // Returns the times found, without the names that were never written, or empty when the
    // database cannot be read, so the next poll tries again.
    private Optional<Map<String, String>> read(List<String> watchedNames) {
        try {
            return Optional.of(database.read(connection -> times(connection, watchedNames)));
        } catch (StoreException e) {
            log.warn("Failed to read GPIO events {}: {}", watchedNames, e.getMessage());
            return Optional.empty();
        }
    }

    private static Map<String, String> times(Connection connection, List<String> watchedNames)
            throws SQLException {
        Map<String, String> times = new HashMap<>();
        for (String name : watchedNames) {
            Optional<String> time = KioskState.get(connection, name);
            time.ifPresent(value -> times.put(name, value));
        }
        return times;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
