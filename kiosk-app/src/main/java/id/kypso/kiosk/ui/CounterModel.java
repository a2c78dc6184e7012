package id.kypso.kiosk.ui;

import id.kypso.kiosk.counter.CheckResult;
import id.kypso.kiosk.counter.TicketCheck;
import id.kypso.kiosk.session.Messages;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The screen model of counter mode: each scan is checked on the background executor and the
 * last result shown until the next scan.
 */
public final class CounterModel {
    private final TicketCheck check;
    private final Executor background;
    private final ReadOnlyObjectWrapper<CheckResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Messages> messages;

    public CounterModel(TicketCheck check, Executor background, String language) {
        this.check = check;
        this.background = background;
        this.messages = new ReadOnlyObjectWrapper<>(Messages.of(language));
    }

    public ReadOnlyObjectProperty<CheckResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** Accepts a complete scan from any thread; scans during a running check are dropped. */
    public void onScan(String text) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> onScan(text));
            return;
        }
        if (checking.get()) {
            return;
        }
        checking.set(true);
        background.execute(() -> {
            CheckResult checked = check.check(text);
            Platform.runLater(() -> {
                result.set(checked);
                checking.set(false);
            });
        });
    }

    /** Clears the shown result, so the next citizen's ticket data is not on screen early. */
    public void clear() {
        result.set(null);
    }

    public void toggleLanguage() {
        messages.set(Messages.of(messages.get().get("language.switch.code")));
    }
}
