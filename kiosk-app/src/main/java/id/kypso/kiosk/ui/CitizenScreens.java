package id.kypso.kiosk.ui;

import id.kypso.kiosk.scan.ScanListener;
import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * Citizen mode put together: the screens of a {@link CitizenModel}, the keyboard-wedge scanner
 * input and the once-a-second idle check.
 */
public final class CitizenScreens {
    private final CitizenModel model;
    private final CitizenView view;
    private final Timeline ticker;
    private KeyboardWedge wedge;

    /**
     * @param officeName shown in the top bar; five quick taps on it ask for maintenance mode
     */
    public CitizenScreens(CitizenModel model, String officeName, Clock clock) {
        this.model = model;
        this.view = new CitizenView(model, officeName,
                new HiddenTrigger(clock, model::requestMaintenance));
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        model.screenProperty().addListener((observable, old, screen) -> {
            // Waking keeps the keys typed so far, because they may be the scan that woke it.
            if (screen == CitizenScreen.WELCOME && old != CitizenScreen.ASLEEP && wedge != null) {
                wedge.clear();
            }
        });
    }

    public CitizenModel model() {
        return model;
    }

    /** Returns where scanner sources (serial, camera) deliver scans; any thread may call it. */
    public ScanListener scanListener() {
        return model::onScan;
    }

    public Parent root() {
        return view.root();
    }

    /**
     * Reads keyboard-wedge scans typed into {@code scene}, wakes the sleeping screen on any key
     * and starts the idle check. Keys and scans count only while these screens are in the
     * scene, not while the window shows another mode.
     */
    public void attach(Scene scene) {
        // Added before the wedge, which consumes the key events it reads.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (isShownIn(scene)) {
                model.keyPressed();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (isShownIn(scene)) {
                model.keyPressed();
            }
        });
        wedge = KeyboardWedge.install(scene, text -> {
            if (isShownIn(scene)) {
                model.onScan(text);
            }
        });
        ticker.play();
    }

    // The screens are the scene's root in tests, and inside the letterbox of KioskWindow.
    private boolean isShownIn(Scene scene) {
        return view.root().getScene() == scene;
    }

    /** Stops the idle check, for when the window closes. */
    public void stop() {
        ticker.stop();
    }
}
