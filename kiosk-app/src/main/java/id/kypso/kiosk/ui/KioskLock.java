package id.kypso.kiosk.ui;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Keeps a citizen from leaving the kiosk program: the window ignores close requests (Alt+F4),
 * full screen cannot be left with Escape, and key presses with Alt, Ctrl or the system key,
 * Escape and the function keys are consumed before any control sees them.
 *
 * <p>Alt+Tab and the system key are handled by the window manager before the program sees
 * them; the kiosk's OS session runs the program alone under a kiosk compositor for that.
 */
final class KioskLock {

    private KioskLock() {
    }

    static void apply(Stage stage, Scene scene) {
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setOnCloseRequest(Event::consume);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, KioskLock::blockEscapes);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, KioskLock::blockEscapes);
    }

    /** Returns whether the lock swallows this key press. */
    static boolean isBlocked(KeyEvent event) {
        KeyCode code = event.getCode();
        return event.isAltDown() || event.isControlDown() || event.isMetaDown()
                || event.isShortcutDown() || code == KeyCode.ESCAPE || code.isFunctionKey()
                || code == KeyCode.WINDOWS || code == KeyCode.CONTEXT_MENU;
    }

    private static void blockEscapes(KeyEvent event) {
        if (isBlocked(event)) {
            event.consume();
        }
    }
}
