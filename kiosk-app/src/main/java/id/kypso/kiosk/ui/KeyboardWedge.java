package id.kypso.kiosk.ui;

import id.kypso.kiosk.scan.ScanListener;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Treats characters typed into the scene and ended by Enter as one scan, as a USB barcode
 * scanner in keyboard-wedge mode sends them. The kiosk has no physical keyboard, so every typed
 * character is taken to come from the scanner.
 *
 * <p>NOTE: this stands in until the scanner sources replace it with a detector that also tells
 * scanner bursts from human typing by their timing.
 */
final class KeyboardWedge {
    /** Longer input is dropped: no slip or ticket payload comes near it. */
    static final int MAX_LENGTH = 2048;

    private final StringBuilder buffer = new StringBuilder();
    private final ScanListener listener;

    private KeyboardWedge(ScanListener listener) {
        this.listener = listener;
    }

    /** Installs the wedge on {@code scene}; it consumes the key events it reads. */
    static KeyboardWedge install(Scene scene, ScanListener listener) {
        KeyboardWedge wedge = new KeyboardWedge(listener);
        scene.addEventFilter(KeyEvent.KEY_TYPED, wedge::onTyped);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, wedge::onPressed);
        return wedge;
    }

    /** Drops characters typed so far, such as on a reset. */
    void clear() {
        buffer.setLength(0);
    }

    private void onTyped(KeyEvent event) {
        String text = event.getCharacter();
        event.consume();
        if (text.isEmpty() || text.equals(KeyEvent.CHAR_UNDEFINED)) {
            return;
        }
        char c = text.charAt(0);
        if (c == '\r' || c == '\n') {
            flush();
        } else if (c >= ' ' && buffer.length() < MAX_LENGTH) {
            buffer.append(text);
        }
    }

    private void onPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            flush();
        }
    }

    private void flush() {
        if (buffer.isEmpty()) {
            return;
        }
        String scan = buffer.toString();
        buffer.setLength(0);
        listener.onScan(scan);
    }
}
