package id.kypso.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.qr.QrCodes;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderCameraTest {
    @TempDir
    Path folder;

    private final List<String> scans = new CopyOnWriteArrayList<>();
    private final List<Path> unreadable = new CopyOnWriteArrayList<>();

    @Test
    void frameWithCode_becomesOneScan() throws Exception {
        Path frame = folder.resolve("slip.png");
        ImageIO.write(QrCodes.draw("KS1:TEST", 6), "png", frame.toFile());

        try (FolderCamera camera = FolderCamera.start(folder, scans::add, unreadable::add)) {
            assertThat(camera.take(frame)).contains("KS1:TEST");
        }

        assertThat(scans).containsExactly("KS1:TEST");
        assertThat(unreadable).isEmpty();
    }

    @Test
    void frameWithoutCode_isReportedUnreadable() throws Exception {
        Path frame = folder.resolve("blank.png");
        ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), "png",
                frame.toFile());

        try (FolderCamera camera = FolderCamera.start(folder, scans::add, unreadable::add)) {
            assertThat(camera.take(frame)).isEmpty();
        }

        assertThat(scans).isEmpty();
        assertThat(unreadable).containsExactly(frame);
    }

    @Test
    void fileThatIsNotAnImage_isReportedUnreadable() throws Exception {
        Path frame = Files.writeString(folder.resolve("notes.png"), "not an image");

        try (FolderCamera camera = FolderCamera.start(folder, scans::add, unreadable::add)) {
            assertThat(camera.take(frame)).isEmpty();
        }

        assertThat(unreadable).containsExactly(frame);
    }

    @Test
    void copiedFrame_isScannedOnce() throws Exception {
        Path source = Files.createTempFile("slip", ".png");
        ImageIO.write(QrCodes.draw("KS1:COPIED", 6), "png", source.toFile());

        try (FolderCamera camera = FolderCamera.start(folder, scans::add, unreadable::add)) {
            Files.copy(source, folder.resolve("copied.png"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (scans.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // Give a second, wrongly repeated scan the time to arrive.
            Thread.sleep(700);
        } finally {
            Files.delete(source);
        }

        assertThat(scans).containsExactly("KS1:COPIED");
        assertThat(unreadable).isEmpty();
    }
}
