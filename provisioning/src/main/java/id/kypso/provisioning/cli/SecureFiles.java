package id.kypso.provisioning.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes files the way key material needs: to a temporary file in the same folder, created with
 * its final permissions (so a private key is never readable by others, not even briefly),
 * forced to disk, then renamed into place.
 */
public final class SecureFiles {
    /** Owner read and write only, for private keys, secrets and the PIN hash. */
    public static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString(
            "rw-------");
    /** Owner read and write, everyone else read, for public keys and settings. */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString(
            "rw-r--r--");

    private SecureFiles() {
    }

    public static void writePrivate(Path file, byte[] content) throws IOException {
        write(file, content, PRIVATE);
    }

    public static void writePublic(Path file, byte[] content) throws IOException {
        write(file, content, PUBLIC);
    }

    /** Writes {@code content} to {@code file} atomically with {@code permissions}. */
    public static void write(Path file, byte[] content, Set<PosixFilePermission> permissions)
            throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            List<FileAttribute<?>> attributes = new ArrayList<>();
            if (isPosix()) {
                attributes.add(PosixFilePermissions.asFileAttribute(permissions));
            }
            Files.createFile(temporary, attributes.toArray(FileAttribute[]::new));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(content));
                channel.force(true);
            }
            if (isPosix()) {
                // createFile applies the umask; set the exact bits once more.
                Files.setPosixFilePermissions(temporary, permissions);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Returns the permissions of {@code file} as {@code rw-------}, or "?" off POSIX. */
    public static String permissions(Path file) throws IOException {
        if (!isPosix()) {
            return "?";
        }
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
