package id.kypso.kiosk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;

/**
 * Opens maintenance mode after a number of quick taps on one spot (the office name), so staff
 * can reach it on a touch screen without a visible button. The PIN still guards it.
 */
final class HiddenTrigger {
    static final int TAPS = 5;
    static final Duration WINDOW = Duration.ofSeconds(4);

    private final Clock clock;
    private final Runnable action;
    private Instant firstTap;
    private int taps;

    HiddenTrigger(Clock clock, Runnable action) {
        this.clock = clock;
        this.action = action;
    }

    void attach(Node node) {
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, event -> tap());
    }

    void tap() {
        Instant now = clock.instant();
        if (firstTap == null || Duration.between(firstTap, now).compareTo(WINDOW) > 0) {
            firstTap = now;
            taps = 0;
        }
        taps++;
        if (taps >= TAPS) {
            firstTap = null;
            taps = 0;
            action.run();
        }
    }
}
