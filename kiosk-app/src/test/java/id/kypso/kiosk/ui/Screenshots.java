package id.kypso.kiosk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes PNG snapshots of a scene to the folder named by the system property
 * {@code kypso.screenshots} (the docs refresh sets it to {@code docs/screenshots}). Without the
 * property nothing is written, because encoding full-HD PNGs takes about a second each.
 */
final class Screenshots {
    private final Path docs;

    Screenshots() {
        String property = System.getProperty("kypso.screenshots", "");
        this.docs = property.isBlank() ? null : Paths.get(property);
    }

    void take(FxRobot robot, Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        if (docs == null) {
            return;
        }
        WritableImage[] snapshot = new WritableImage[1];
        robot.interact(() -> snapshot[0] = scene.snapshot(null));
        BufferedImage image = SwingFXUtils.fromFXImage(snapshot[0], null);
        write(image, docs.resolve(name + ".png"));
    }

    private static void write(BufferedImage image, Path file) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + file, e);
        }
    }
}
