package id.kypso.kiosk.ui;

import java.util.Objects;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * The kiosk's one window: undecorated and full screen (or a 1920x1080 window for development),
 * locked against leaving it from the keyboard, showing one mode's screens at a time.
 */
public final class KioskWindow {
    public static final double DESIGN_WIDTH = 1920;
    public static final double DESIGN_HEIGHT = 1080;
    static final String STYLESHEET = Objects.requireNonNull(
            KioskWindow.class.getResource("kiosk.css"), "kiosk.css is missing").toExternalForm();

    private final Stage stage;
    private final Scene scene;

    private KioskWindow(Stage stage, Scene scene) {
        this.stage = stage;
        this.scene = scene;
    }

    /**
     * Opens the window on {@code stage}, which must not be showing yet.
     *
     * @param windowed a decorated, resizable 1920x1080 window instead of full screen
     */
    public static KioskWindow open(Stage stage, Parent first, boolean windowed) {
        Scene scene = new Scene(first, DESIGN_WIDTH, DESIGN_HEIGHT);
        scene.getStylesheets().add(STYLESHEET);
        stage.setTitle("KYPSO");
        stage.setScene(scene);
        if (!windowed) {
            stage.initStyle(StageStyle.UNDECORATED);
            Rectangle2D bounds = Screen.getPrimary().getBounds();
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
            stage.setFullScreen(true);
            stage.setAlwaysOnTop(true);
            KioskLock.apply(stage, scene);
        }
        stage.show();
        return new KioskWindow(stage, scene);
    }

    /** Creates a scene with the kiosk stylesheet, for tests and screenshots. */
    public static Scene scene(Parent root) {
        Scene scene = new Scene(root, DESIGN_WIDTH, DESIGN_HEIGHT);
        scene.getStylesheets().add(STYLESHEET);
        return scene;
    }

    /** Locks a window that tests opened, as {@link #open} does for a full-screen one. */
    public static void lock(Stage stage, Scene scene) {
        KioskLock.apply(stage, scene);
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    /** Shows another mode's screens in the window. */
    public void show(Parent root) {
        if (root instanceof Region region) {
            region.setPrefSize(scene.getWidth(), scene.getHeight());
        }
        scene.setRoot(root);
    }
}
