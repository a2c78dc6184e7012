package id.kypso.kiosk.ui;

import id.kypso.kiosk.scan.ScanListener;
import java.time.Clock;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
            if (screen == CitizenScreen.WELCOME && wedge != null) {
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

    /** Reads keyboard-wedge scans typed into {@code scene} and starts the idle check. */
    public void attach(Scene scene) {
        wedge = KeyboardWedge.install(scene, text -> {
            if (scene.getRoot() == view.root()) {
                model.onScan(text);
            }
        });
        ticker.play();
    }

    /** Stops the idle check, for when the window closes. */
    public void stop() {
        ticker.stop();
    }
}
