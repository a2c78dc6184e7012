package id.kypso.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A small tmpfs for full-disk tests. Mounting needs root, so tests skip without it. */
public final class SmallDisk {

    private SmallDisk() {
    }

    /** Mounts a tmpfs of {@code size} (such as "4m") on {@code point}; false without root. */
    public static boolean mount(Path point, String size) throws IOException, InterruptedException {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs",
                point.toString()).redirectErrorStream(true).start();
        return mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
    }

    public static void unmount(Path point) throws IOException, InterruptedException {
        new ProcessBuilder("umount", point.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }

    /** Writes {@code filler} until the file system has no space left. */
    public static void fill(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }
}
