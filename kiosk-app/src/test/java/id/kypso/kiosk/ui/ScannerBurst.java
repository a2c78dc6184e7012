package id.kypso.kiosk.ui;

import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.testfx.api.FxRobot;

/**
 * Types text into a scene the way a keyboard-wedge scanner does: every key of the code and the
 * closing Enter in one quick burst. TestFX's robot types at a person's pace, which the kiosk
 * rightly ignores as typing.
 */
final class ScannerBurst {

    private ScannerBurst() {
    }

    static void scan(FxRobot robot, Scene scene, String code) {
        robot.interact(() -> {
            for (char c : code.toCharArray()) {
                Event.fireEvent(scene.getFocusOwner() != null ? scene.getFocusOwner()
                        : scene.getRoot(), typed(String.valueOf(c)));
            }
            Event.fireEvent(scene.getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "",
                    KeyCode.ENTER, false, false, false, false));
        });
    }

    private static KeyEvent typed(String character) {
        return new KeyEvent(KeyEvent.KEY_TYPED, character, "", KeyCode.UNDEFINED, false, false,
                false, false);
    }
}
