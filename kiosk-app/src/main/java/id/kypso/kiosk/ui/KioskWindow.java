package id.kypso.kiosk.ui;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
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
    private final Group content;

    private KioskWindow(Stage stage, Scene scene, Group content) {
        this.stage = stage;
        this.scene = scene;
        this.content = content;
    }

    /**
     * Opens the window on {@code stage}, which must not be showing yet. The screens are laid
     * out at 1920x1080 and scaled, keeping their proportions, to the screen or window they get,
     * so a 1366x768 or 1280x1024 kiosk display shows all of them.
     *
     * @param windowed a decorated, resizable window instead of full screen, at most 1920x1080
     *     and no larger than the screen
     */
    public static KioskWindow open(Stage stage, Parent first, boolean windowed) {
        Group content = new Group(sized(first));
        StackPane letterbox = new StackPane(content);
        // As the scene root, the letterbox takes the page background of kiosk.css's .root.
        Rectangle2D screen = windowed ? Screen.getPrimary().getVisualBounds()
                : Screen.getPrimary().getBounds();
        double width = windowed ? Math.min(DESIGN_WIDTH, screen.getWidth()) : screen.getWidth();
        double height = windowed ? Math.min(DESIGN_HEIGHT, screen.getHeight())
                : screen.getHeight();
        Scene scene = new Scene(letterbox, width, height);
        scene.getStylesheets().add(STYLESHEET);
        DoubleBinding scale = Bindings.createDoubleBinding(
                () -> Math.min(letterbox.getWidth() / DESIGN_WIDTH,
                        letterbox.getHeight() / DESIGN_HEIGHT),
                letterbox.widthProperty(), letterbox.heightProperty());
        content.scaleXProperty().bind(scale);
        content.scaleYProperty().bind(scale);

        stage.setTitle("KYPSO");
        stage.setScene(scene);
        if (!windowed) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
            stage.setFullScreen(true);
            stage.setAlwaysOnTop(true);
            KioskLock.apply(stage, scene);
        }
        stage.show();
        return new KioskWindow(stage, scene, content);
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
        content.getChildren().setAll(sized(root));
    }

    // Inside a Group a region takes its preferred size, so it is pinned to the design size.
    private static Parent sized(Parent root) {
        if (root instanceof Region region) {
            region.setMinSize(DESIGN_WIDTH, DESIGN_HEIGHT);
            region.setPrefSize(DESIGN_WIDTH, DESIGN_HEIGHT);
            region.setMaxSize(DESIGN_WIDTH, DESIGN_HEIGHT);
        }
        return root;
    }
}
