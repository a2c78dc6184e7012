package id.kypso.kiosk.printer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Appends tickets to a file, such as the USB printer class device {@code /dev/usb/lp0}. The
 * file is opened per ticket so a printer that was unplugged and plugged in again is found. A
 * missing file is created, except under {@code /dev}: there a missing file is an unplugged
 * printer, and creating a regular file in its place would swallow tickets.
 */
final class FilePort implements PrinterPort {
    private static final Path DEVICES = Path.of("/dev");

    private final Path path;

    FilePort(Path path) {
        this.path = path;
    }

    @Override
    public String name() {
        return "file:" + path;
    }

    @Override
    public boolean canReadStatus() {
        return false;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        OpenOption[] options = isDevice()
                ? new OpenOption[] {StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND};
        try (OutputStream out = Files.newOutputStream(path, options)) {
            out.write(bytes);
            out.flush();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, isDevice()
                    ? "printer device not found; is the printer plugged in and switched on?"
                    : "folder not found");
        }
    }

    private boolean isDevice() {
        return path.toAbsolutePath().normalize().startsWith(DEVICES);
    }

    @Override
    public int read(Duration timeout) {
        throw new UnsupportedOperationException("no status from " + name());
    }

    @Override
    public void discardInput() {
        // Nothing is read from a file.
    }

    @Override
    public boolean closeIfStale() {
        return false;
    }

    @Override
    public void close() {
        // Opened and closed per ticket.
    }
}
