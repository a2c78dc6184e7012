package id.kypso.kiosk.ui;

import id.kypso.kiosk.scan.ScanFraming;
import id.kypso.kiosk.scan.ScanListener;
import java.time.Duration;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the scene's key events to the timing-based keyboard-wedge detector of
 * {@link id.kypso.kiosk.scan.KeyboardWedge}: a fast burst of keys ended by Enter is a scan, and
 * slower input is a person typing, which the kiosk ignores because it has no keyboard for
 * citizens. The key gap defaults to the detector's 40 ms; the system property
 * {@value #MAX_GAP_PROPERTY} sets another in milliseconds, for scanners that send slower.
 */
final class KeyboardWedge {
    static final String MAX_GAP_PROPERTY = "kypso.wedge.maxGapMillis";
    private static final Logger log = LoggerFactory.getLogger(KeyboardWedge.class);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private final id.kypso.kiosk.scan.KeyboardWedge detector;
    private final Timeline poller;

    private KeyboardWedge(ScanListener listener) {
        this.detector = new id.kypso.kiosk.scan.KeyboardWedge(ScanFraming.plain(), maxGap(),
                id.kypso.kiosk.scan.KeyboardWedge.DEFAULT_MIN_SCAN_LENGTH, listener,
                typed -> log.info("Ignored {} characters typed by hand", typed.length()),
                (reason, detail) -> log.info("Rejected a keyboard-wedge scan: {} ({})",
                        reason, detail));
        this.poller = new Timeline(new KeyFrame(javafx.util.Duration.millis(
                POLL_INTERVAL.toMillis()), event -> detector.poll(System.nanoTime())));
        poller.setCycleCount(Animation.INDEFINITE);
    }

    /** Installs the wedge on {@code scene}; it consumes the key events it reads. */
    static KeyboardWedge install(Scene scene, ScanListener listener) {
        KeyboardWedge wedge = new KeyboardWedge(listener);
        scene.addEventFilter(KeyEvent.KEY_TYPED, wedge::onTyped);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, wedge::onPressed);
        wedge.poller.play();
        return wedge;
    }

    /** Drops characters typed so far, such as on a reset. */
    void clear() {
        // A pause longer than any scanner's gap settles and discards what is pending.
        detector.poll(Long.MAX_VALUE / 2);
    }

    private void onTyped(KeyEvent event) {
        String text = event.getCharacter();
        event.consume();
        if (text.isEmpty() || text.equals(KeyEvent.CHAR_UNDEFINED)) {
            return;
        }
        char c = text.charAt(0);
        if (c == '\r' || c == '\n') {
            detector.keyTyped('\r', System.nanoTime());
        } else if (c >= ' ') {
            detector.keyTyped(c, System.nanoTime());
        }
    }

    private void onPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            event.consume();
            detector.keyTyped('\r', System.nanoTime());
        }
    }

    private static Duration maxGap() {
        String value = System.getProperty(MAX_GAP_PROPERTY);
        if (value == null || value.isBlank()) {
            return id.kypso.kiosk.scan.KeyboardWedge.DEFAULT_MAX_GAP;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            log.warn("{} must be a whole number of milliseconds, got '{}'; using the default",
                    MAX_GAP_PROPERTY, value);
            return id.kypso.kiosk.scan.KeyboardWedge.DEFAULT_MAX_GAP;
        }
    }
}
