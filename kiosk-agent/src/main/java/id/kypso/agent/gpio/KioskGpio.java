package id.kypso.agent.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.IO;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's GPIO through Pi4J: a green and an optional red lamp for the {@link StatusLight},
 * an optional call-staff button and an optional presence sensor. Blink patterns and input
 * re-sampling advance in {@link #refresh()}, which {@link #start} schedules; tests call it
 * directly with a fake clock.
 *
 * <p>The Pi4J context belongs to the caller, which shuts it down after {@link #close()}.
 */
public final class KioskGpio implements StatusLight, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskGpio.class);

    private final Context pi4j;
    private final GpioSettings settings;
    private final LongSupplier nanoTime;
    private final DigitalOutput green;
    private final DigitalOutput red;
    private final DigitalInput button;
    private final DigitalInput presence;
    private final DigitalInput service;
    private final Debouncer buttonDebouncer;
    private final Debouncer presenceDebouncer;
    private final Debouncer serviceDebouncer;
    private final List<ButtonListener> buttonListeners = new CopyOnWriteArrayList<>();
    private final List<PresenceListener> presenceListeners = new CopyOnWriteArrayList<>();
    private final List<ButtonListener> serviceListeners = new CopyOnWriteArrayList<>();
    private LightState state = LightState.STARTING;
    private long stateSinceNanos;
    private ScheduledFuture<?> ticker;

    private KioskGpio(Context pi4j, GpioSettings settings, LongSupplier nanoTime) {
        this.pi4j = pi4j;
        this.settings = settings;
        this.nanoTime = nanoTime;
        this.stateSinceNanos = nanoTime.getAsLong();
        this.green = output("kiosk-light-green", settings.greenPin());
        this.red = settings.redPin().isPresent()
                ? output("kiosk-light-red", settings.redPin().getAsInt()) : null;
        this.button = settings.callStaffPin().isPresent()
                ? input("kiosk-button-call-staff", settings.callStaffPin().getAsInt(),
                        settings.buttonActiveLow()) : null;
        this.presence = settings.presencePin().isPresent()
                ? input("kiosk-presence", settings.presencePin().getAsInt(),
                        settings.presenceActiveLow()) : null;
        this.service = settings.servicePin().isPresent()
                ? input("kiosk-button-service", settings.servicePin().getAsInt(),
                        settings.buttonActiveLow()) : null;
        this.buttonDebouncer = button == null ? null : new Debouncer(
                settings.buttonDebounce().toNanos(), isActive(button,
                        settings.buttonActiveLow()));
        this.presenceDebouncer = presence == null ? null : new Debouncer(
                settings.presenceDebounce().toNanos(), isActive(presence,
                        settings.presenceActiveLow()));
        this.serviceDebouncer = service == null ? null : new Debouncer(
                settings.buttonDebounce().toNanos(), isActive(service,
                        settings.buttonActiveLow()));
        if (button != null) {
            button.addListener(event -> onButtonLevel(
                    isActive(event.state(), settings.buttonActiveLow())));
        }
        if (presence != null) {
            presence.addListener(event -> onPresenceLevel(
                    isActive(event.state(), settings.presenceActiveLow())));
        }
        if (service != null) {
            service.addListener(event -> onServiceLevel(
                    isActive(event.state(), settings.buttonActiveLow())));
        }
    }

    /**
     * Sets up the pins of {@code settings} on {@code pi4j}; {@code nanoTime} is a monotonic
     * clock such as {@link System#nanoTime}.
     */
    public static KioskGpio open(Context pi4j, GpioSettings settings, LongSupplier nanoTime) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("GPIO is disabled in the settings;"
                    + " use StatusLight.NONE instead");
        }
        KioskGpio gpio = new KioskGpio(pi4j, settings, nanoTime);
        gpio.refresh();
        LOG.info("GPIO ready: green lamp on BCM {}, red lamp {}, call-staff button {},"
                + " presence sensor {}", settings.greenPin(), describe(settings.redPin()),
                describe(settings.callStaffPin()), describe(settings.presencePin()));
        return gpio;
    }

    /** Registers a listener for debounced presses of the call-staff button. */
    public void onCallStaff(ButtonListener listener) {
        buttonListeners.add(listener);
    }

    /** Registers a listener for debounced presses of the service button. */
    public void onService(ButtonListener listener) {
        serviceListeners.add(listener);
    }

    /** Registers a listener for debounced changes of the presence sensor. */
    public void onPresence(PresenceListener listener) {
        presenceListeners.add(listener);
    }

    @Override
    public synchronized void show(LightState newState) {
        if (newState == state) {
            return;
        }
        LOG.info("Status light: {} -> {}", state, newState);
        state = newState;
        stateSinceNanos = nanoTime.getAsLong();
        refresh();
    }

    public synchronized LightState shownState() {
        return state;
    }

    /**
     * Schedules {@link #refresh()} every {@code period} on {@code scheduler}, starting one
     * period from now because {@link #open} has just refreshed.
     */
    public synchronized void start(ScheduledExecutorService scheduler, Duration period) {
        if (ticker != null) {
            throw new IllegalStateException("GPIO refresh is already scheduled");
        }
        ticker = scheduler.scheduleAtFixedRate(this::refreshSafely, period.toMillis(),
                period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sets the lamps for the current pattern step and samples the inputs again. */
    public void refresh() {
        synchronized (this) {
            long elapsedMillis = (nanoTime.getAsLong() - stateSinceNanos) / 1_000_000;
            LightPattern pattern = LightPattern.of(state, red != null);
            boolean lit = pattern.litAt(elapsedMillis);
            set(green, lit && pattern.green());
            if (red != null) {
                set(red, lit && pattern.red());
            }
        }
        // A release edge that fell inside the debounce window is caught here.
        if (button != null) {
            onButtonLevel(isActive(button, settings.buttonActiveLow()));
        }
        if (presence != null) {
            onPresenceLevel(isActive(presence, settings.presenceActiveLow()));
        }
        if (service != null) {
            onServiceLevel(isActive(service, settings.buttonActiveLow()));
        }
    }

    /** Stops the refresh, turns the lamps off and releases the pins. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        set(green, false);
        if (red != null) {
            set(red, false);
        }
        for (IO<?, ?, ?> io : Arrays.asList(green, red, button, presence, service)) {
            if (io == null) {
                continue;
            }
            try {
                pi4j.shutdown(io.id());
            } catch (RuntimeException e) {
                LOG.warn("Releasing GPIO {} failed", io.id(), e);
            }
        }
        LOG.info("GPIO closed");
    }

    private void onButtonLevel(boolean active) {
        Optional<Boolean> change;
        synchronized (buttonDebouncer) {
            change = buttonDebouncer.update(active, nanoTime.getAsLong());
        }
        if (change.isPresent() && change.get()) {
            LOG.info("Call-staff button pressed");
            for (ButtonListener listener : buttonListeners) {
                try {
                    listener.onPressed();
                } catch (RuntimeException e) {
                    LOG.error("Call-staff button listener failed", e);
                }
            }
        }
    }

    private void onServiceLevel(boolean active) {
        Optional<Boolean> change;
        synchronized (serviceDebouncer) {
            change = serviceDebouncer.update(active, nanoTime.getAsLong());
        }
        if (change.isPresent() && change.get()) {
            LOG.info("Service button pressed");
            for (ButtonListener listener : serviceListeners) {
                try {
                    listener.onPressed();
                } catch (RuntimeException e) {
                    LOG.error("Service button listener failed", e);
                }
            }
        }
    }

    private void onPresenceLevel(boolean active) {
        Optional<Boolean> change;
        synchronized (presenceDebouncer) {
            change = presenceDebouncer.update(active, nanoTime.getAsLong());
        }
        if (change.isEmpty()) {
            return;
        }
        LOG.debug("Presence sensor: {}", change.get() ? "someone there" : "nobody");
        for (PresenceListener listener : presenceListeners) {
            try {
                listener.onPresenceChanged(change.get());
            } catch (RuntimeException e) {
                LOG.error("Presence listener failed", e);
            }
        }
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.error("GPIO refresh failed; the status light may be stale", e);
        }
    }

    private void set(DigitalOutput lamp, boolean lit) {
        boolean high = lit != settings.lightActiveLow();
        lamp.state(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    private DigitalOutput output(String id, int pin) {
        DigitalState off = settings.lightActiveLow() ? DigitalState.HIGH : DigitalState.LOW;
        return pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .address(pin)
                .initial(off)
                .shutdown(off)
                .build());
    }

    private DigitalInput input(String id, int pin, boolean activeLow) {
        return pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id(id)
                .name(id)
                .address(pin)
                .pull(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                .build());
    }

    private static boolean isActive(DigitalInput input, boolean activeLow) {
        return isActive(input.state(), activeLow);
    }

    /** Returns whether {@code level} is the active level; {@code UNKNOWN} is inactive. */
    private static boolean isActive(DigitalState level, boolean activeLow) {
        return activeLow ? level == DigitalState.LOW : level == DigitalState.HIGH;
    }

    private static String describe(java.util.OptionalInt pin) {
        return pin.isPresent() ? "on BCM " + pin.getAsInt() : "not fitted";
    }
}
