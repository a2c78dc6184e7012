package id.kypso.kiosk.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat, reached through symbolic links in a folder.
 * Killing socat unplugs both ends; {@link #start()} plugs them in again under the same names.
 */
public final class SocatPair implements AutoCloseable {
    private final Path left;
    private final Path right;
    private Process process;

    public SocatPair(Path folder) {
        this.left = folder.resolve("kiosk-side");
        this.right = folder.resolve("device-side");
    }

    /** Returns the end the kiosk code opens. */
    public Path kioskSide() {
        return left;
    }

    /** Returns the end the fake device opens. */
    public Path deviceSide() {
        return right;
    }

    public SocatPair start() throws IOException, InterruptedException {
        Files.deleteIfExists(left);
        Files.deleteIfExists(right);
        process = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + left, "pty,raw,echo=0,link=" + right)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();

        // socat makes the links once both ptys exist; wait for them, bounded.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!(Files.exists(left) && Files.exists(right))) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IOException("socat did not create " + left + " and " + right);
            }
            Thread.sleep(10);
        }
        return this;
    }

    /** Kills socat, which closes both pseudo-terminals like an unplugged adapter. */
    public void unplug() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        unplug();
    }
}
