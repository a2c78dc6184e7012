package id.kypso.kiosk.printer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Appends tickets to a file, such as the USB printer class device {@code /dev/usb/lp0}. The
 * file is opened per ticket so a printer that was unplugged and plugged in again is found.
 */
final class FilePort implements PrinterPort {
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
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(bytes);
            out.flush();
        }
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
