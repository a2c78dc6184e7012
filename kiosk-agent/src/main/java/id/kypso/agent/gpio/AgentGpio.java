package id.kypso.agent.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import id.kypso.agent.status.Indication;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's GPIO: the status light shows the agent's {@link Indication}, and a press of the
 * call-staff button makes the red lamp blink fast for {@link #STAFF_CALL_DURATION}. Presses of
 * the service button and the start of presence go to callbacks, which record them for the app.
 */
public final class AgentGpio implements id.kypso.agent.status.StatusLight, AutoCloseable {
    /** How long the light shows a staff call before it returns to the agent's state. */
    public static final Duration STAFF_CALL_DURATION = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(AgentGpio.class);
    private static final Duration REFRESH_PERIOD = Duration.ofMillis(50);
    /** How long each colour of the test pattern shows. */
    static final Duration TEST_STEP = Duration.ofSeconds(2);

    private final KioskGpio gpio;
    private final Context pi4j;
    private final ScheduledExecutorService scheduler;
    private final PresenceRepeat presence;
    private volatile LightState agentState = LightState.STARTING;

    AgentGpio(KioskGpio gpio, Context pi4j, ScheduledExecutorService scheduler,
            PresenceRepeat presence) {
        this.gpio = gpio;
        this.pi4j = pi4j;
        this.scheduler = scheduler;
        this.presence = presence;
    }

    /** Runs the presence repeat's periodic check now, as its scheduler would. */
    void tickPresence() {
        presence.tick();
    }

    /**
     * Opens the pins named by the {@code gpio.*} settings; empty when {@code gpio.enabled} is
     * not true. A board that cannot be opened is logged and the agent runs without a light.
     *
     * @param contexts makes the Pi4J context: the auto-detected platform on a kiosk, the mock
     *     platform in tests
     */
    public static Optional<AgentGpio> open(Properties settings, Supplier<Context> contexts) {
        return open(settings, contexts, () -> { });
    }

    /**
     * Like {@link #open(Properties, Supplier)}, calling {@code servicePressed} on each press
     * of the service button ({@code gpio.button.service}).
     */
    public static Optional<AgentGpio> open(Properties settings, Supplier<Context> contexts,
            Runnable servicePressed) {
        return open(settings, contexts, servicePressed, () -> { });
    }

    /**
     * Like {@link #open(Properties, Supplier, Runnable)}, also calling
     * {@code presenceDetected} each time the presence sensor ({@code gpio.presence}) starts
     * to detect someone after its debounce time, and every {@link PresenceRepeat#PERIOD} while
     * it still does.
     */
    public static Optional<AgentGpio> open(Properties settings, Supplier<Context> contexts,
            Runnable servicePressed, Runnable presenceDetected) {
        return open(settings, contexts, servicePressed, presenceDetected, System::nanoTime,
                REFRESH_PERIOD);
    }

    /**
     * Like the public variants, reading debounce times from {@code nanoTime} and sampling the
     * inputs every {@code refreshPeriod}. Tests set a long period so that only their own edges
     * reach the listeners.
     */
    static Optional<AgentGpio> open(Properties settings, Supplier<Context> contexts,
            Runnable servicePressed, Runnable presenceDetected, LongSupplier nanoTime,
            Duration refreshPeriod) {
        GpioSettings gpioSettings;
        try {
            gpioSettings = GpioSettings.fromProperties(settings);
        } catch (IllegalArgumentException e) {
            log.error("GPIO settings in kiosk.properties are invalid: {}; running without the"
                    + " status light", e.getMessage());
            return Optional.empty();
        }
        if (!gpioSettings.enabled()) {
            return Optional.empty();
        }
        Context pi4j = null;
        try {
            pi4j = contexts.get();
            KioskGpio gpio = KioskGpio.open(pi4j, gpioSettings, nanoTime);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "agent-gpio");
                        thread.setDaemon(true);
                        return thread;
                    });
            PresenceRepeat presence = new PresenceRepeat(presenceDetected, nanoTime,
                    PresenceRepeat.PERIOD);
            AgentGpio agentGpio = new AgentGpio(gpio, pi4j, scheduler, presence);
            gpio.onCallStaff(agentGpio::staffCalled);
            gpio.onService(servicePressed::run);
            gpio.onPresence(presence::changed);
            gpio.start(scheduler, refreshPeriod);
            scheduler.scheduleAtFixedRate(presence::tick, refreshPeriod.toMillis(),
                    refreshPeriod.toMillis(), TimeUnit.MILLISECONDS);
            log.info("GPIO status light started");
            return Optional.of(agentGpio);
        } catch (RuntimeException e) {
            log.error("GPIO cannot be opened: {}; running without the status light",
                    e.getMessage(), e);
            if (pi4j != null) {
                pi4j.shutdown();
            }
            return Optional.empty();
        }
    }

    /** Opens GPIO on the Pi4J platform found on this board, reporting input events. */
    public static Optional<AgentGpio> open(Properties settings, GpioEventRecorder events) {
        return open(settings, Pi4J::newAutoContext, events::servicePressed,
                events::presenceDetected);
    }

    @Override
    public void show(Indication indication) {
        agentState = switch (indication) {
            case READY -> LightState.READY;
            case OFFLINE -> LightState.OFFLINE;
            case FAULT -> LightState.FAULT;
        };
        if (gpio.shownState() != LightState.STAFF_CALLED) {
            gpio.show(agentState);
        }
    }

    /** Shows red (fault) and then green (ready) for {@link #TEST_STEP} each, then the state. */
    @Override
    public boolean startTestPattern() {
        log.info("Status light test pattern started");
        gpio.show(LightState.FAULT);
        scheduler.schedule(() -> gpio.show(LightState.READY), TEST_STEP.toMillis(),
                TimeUnit.MILLISECONDS);
        scheduler.schedule(() -> gpio.show(agentState), 2 * TEST_STEP.toMillis(),
                TimeUnit.MILLISECONDS);
        return true;
    }

    /** Returns what the light shows now. */
    public LightState shownState() {
        return gpio.shownState();
    }

    private void staffCalled() {
        log.info("Call-staff button pressed");
        gpio.show(LightState.STAFF_CALLED);
        scheduler.schedule(() -> gpio.show(agentState), STAFF_CALL_DURATION.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        gpio.close();
        pi4j.shutdown();
    }
}
