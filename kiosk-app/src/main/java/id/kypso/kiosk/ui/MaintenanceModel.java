package id.kypso.kiosk.ui;

import id.kypso.kiosk.maintenance.Health;
import id.kypso.kiosk.maintenance.MaintenanceService;
import id.kypso.kiosk.maintenance.PinStore;
import id.kypso.kiosk.maintenance.RecentTicket;
import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.session.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screen model of maintenance mode: a PIN pad, then the health panel with its actions.
 * Leaving it, or two minutes without a touch, returns the kiosk to citizen mode.
 */
public final class MaintenanceModel {
    /** How long the panel stays open without a touch. */
    public static final Duration IDLE_LIMIT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(MaintenanceModel.class);
    private static final int MAX_PIN_LENGTH = 12;
    private static final int RECENT_TICKETS = 8;

    private final PinStore pins;
    private final MaintenanceService service;
    private final Executor background;
    private final Clock clock;
    private final Runnable exit;

    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper pinLength = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Health> health = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<RecentTicket>> recent =
            new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Messages> messages;
    private final StringBuilder pin = new StringBuilder();
    private Instant lastActivity;

    /**
     * @param exit shows citizen mode again; called on the FX thread
     */
    public MaintenanceModel(PinStore pins, MaintenanceService service, Executor background,
            Clock clock, Supplier<Messages> language, Runnable exit) {
        this.pins = pins;
        this.service = service;
        this.background = background;
        this.clock = clock;
        this.exit = exit;
        this.messages = new ReadOnlyObjectWrapper<>(language.get());
        this.lastActivity = clock.instant();
    }

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pinLengthProperty() {
        return pinLength.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Health> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<RecentTicket>> recentProperty() {
        return recent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** Shows the PIN pad, forgetting any earlier entry. */
    public void open() {
        touch();
        clearPin();
        unlocked.set(false);
        message.set(pins.isSet() ? "" : messages.get().get("maintenance.pin.notSet"));
    }

    /** Opens the panel without a PIN, for the service button inside the locked cabinet. */
    public void openByServiceButton() {
        touch();
        clearPin();
        log.info("Maintenance mode opened by the service button");
        unlock();
    }

    public void typeDigit(String digit) {
        touch();
        if (pin.length() < MAX_PIN_LENGTH) {
            pin.append(digit);
            pinLength.set(pin.length());
        }
    }

    public void deleteDigit() {
        touch();
        if (!pin.isEmpty()) {
            pin.setLength(pin.length() - 1);
            pinLength.set(pin.length());
        }
    }

    public void submitPin() {
        touch();
        char[] entered = new char[pin.length()];
        pin.getChars(0, pin.length(), entered, 0);
        clearPin();
        Messages text = messages.get();
        background.execute(() -> {
            PinStore.Attempt attempt = pins.verify(entered);
            PinStore.wipe(entered);
            Platform.runLater(() -> {
                switch (attempt) {
                    case PinStore.Attempt.Accepted accepted -> unlock();
                    case PinStore.Attempt.Rejected rejected -> message.set(text.format(
                            "maintenance.pin.wrong", rejected.triesLeft()));
                    case PinStore.Attempt.Locked locked -> message.set(text.format(
                            "maintenance.pin.locked", locked.remaining().toSeconds()));
                    case PinStore.Attempt.NotSet notSet -> message.set(
                            text.get("maintenance.pin.notSet"));
                }
            });
        });
    }

    public void refresh() {
        touch();
        background.execute(() -> {
            Health current = service.health();
            List<RecentTicket> tickets = service.recentTickets(RECENT_TICKETS);
            Platform.runLater(() -> {
                health.set(current);
                recent.set(tickets);
            });
        });
    }

    public void printTestPage() {
        runAction(() -> describe(service.printTestPage()));
    }

    public void reprint(long serial) {
        runAction(() -> describe(service.reprint(serial)));
    }

    public void reloadConfig() {
        Messages text = messages.get();
        runAction(() -> service.reloadConfig()
                .map(problem -> text.format("maintenance.reloadFailed", problem))
                .orElse(text.get("maintenance.reloaded")));
    }

    public void returnToService() {
        Messages text = messages.get();
        runAction(() -> {
            service.returnToService();
            return text.get("maintenance.returned");
        });
    }

    /** Leaves maintenance mode for citizen mode. */
    public void exit() {
        clearPin();
        unlocked.set(false);
        health.set(null);
        recent.set(List.of());
        message.set("");
        exit.run();
    }

    public void touch() {
        lastActivity = clock.instant();
    }

    /** Leaves maintenance mode after {@link #IDLE_LIMIT} without a touch. */
    public void tick() {
        if (Duration.between(lastActivity, clock.instant()).compareTo(IDLE_LIMIT) >= 0) {
            log.info("Maintenance mode idle for {} s: returning to citizen mode",
                    IDLE_LIMIT.toSeconds());
            exit();
        }
    }

    private void unlock() {
        unlocked.set(true);
        message.set("");
        refresh();
    }

    private void runAction(Supplier<String> action) {
        touch();
        background.execute(() -> {
            String outcome;
            try {
                outcome = action.get();
            } catch (RuntimeException e) {
                log.error("Maintenance action failed", e);
                outcome = String.valueOf(e.getMessage());
            }
            String shown = outcome;
            Platform.runLater(() -> {
                message.set(shown);
                refresh();
            });
        });
    }

    private String describe(PrintResult result) {
        Messages text = messages.get();
        return switch (result) {
            case PrintResult.Printed printed -> text.get("maintenance.printed");
            case PrintResult.Failed failed -> text.format("maintenance.printFailed",
                    failed.fault() + " " + failed.reason());
        };
    }

    private void clearPin() {
        pin.setLength(0);
        pinLength.set(0);
    }
}
