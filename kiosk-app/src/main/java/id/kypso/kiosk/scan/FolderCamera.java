package id.kypso.kiosk.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated camera: each image file dropped into a folder is one camera frame. A frame with a
 * readable QR code becomes a scan; a frame without one is reported as unreadable, as a real
 * camera pointed at a damaged slip would be. Used where no camera exists, such as the demo
 * started by {@code scripts/run}.
 */
public final class FolderCamera implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FolderCamera.class);
    private static final long SETTLE_MILLIS = 300;

    private final Path folder;
    private final FrameDecoder decoder;
    private final ScanListener scans;
    private final Consumer<Path> unreadable;
    private final WatchService watcher;
    private final Thread thread;

    private FolderCamera(Path folder, FrameDecoder decoder, ScanListener scans,
            Consumer<Path> unreadable) throws IOException {
        this.folder = folder;
        this.decoder = decoder;
        this.scans = scans;
        this.unreadable = unreadable;
        this.watcher = folder.getFileSystem().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = Thread.ofPlatform().daemon().name("folder-camera").unstarted(this::watch);
    }

    /**
     * Starts watching {@code folder}, creating it if needed.
     *
     * @param unreadable called with a frame in which no QR code could be read
     */
    public static FolderCamera start(Path folder, ScanListener scans, Consumer<Path> unreadable)
            throws IOException {
        Files.createDirectories(folder);
        FolderCamera camera = new FolderCamera(folder, new FrameDecoder(), scans, unreadable);
        camera.thread.start();
        log.info("Simulated camera watching {}", folder.toAbsolutePath());
        return camera;
    }

    /** Decodes one frame file and reports it; returns the text when a code was read. */
    public Optional<String> take(Path frameFile) {
        BufferedImage frame;
        try {
            frame = ImageIO.read(frameFile.toFile());
        } catch (IOException e) {
            log.warn("Camera frame {} cannot be read: {}", frameFile.getFileName(),
                    e.getMessage());
            frame = null;
        }
        Optional<String> text = frame == null ? Optional.empty() : decoder.decode(frame);
        if (text.isPresent()) {
            scans.onScan(text.get());
        } else {
            log.info("No QR code found in camera frame {}", frameFile.getFileName());
            unreadable.accept(frameFile);
        }
        return text;
    }

    private void watch() {
        java.util.Map<Path, String> taken = new java.util.HashMap<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                // A copy shows up as a create and then modifies; let the writer finish, then
                // take each file once per version.
                Thread.sleep(SETTLE_MILLIS);
                java.util.Set<Path> changed = new java.util.LinkedHashSet<>();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && isImage(name)) {
                        changed.add(folder.resolve(name));
                    }
                }
                for (Path file : changed) {
                    String version = version(file);
                    if (version != null && !version.equals(taken.put(file, version))) {
                        take(file);
                    }
                }
                if (!key.reset()) {
                    log.warn("Simulated camera folder {} is gone; camera stopped", folder);
                    return;
                }
            }
        } catch (InterruptedException | java.nio.file.ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String version(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isImage(Path name) {
        String lower = name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg");
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        watcher.close();
    }
}
