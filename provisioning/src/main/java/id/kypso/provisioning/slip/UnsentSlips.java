package id.kypso.provisioning.slip;

import id.kypso.provisioning.cli.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The slips of an office folder not yet sent to the aggregator, one signed QR text per line in
 * {@code slips-unsent.txt}. Each write replaces the file atomically, so a desk PC switched off
 * mid-write keeps either the old list or the new one.
 */
final class UnsentSlips {
    static final String FILE = "slips-unsent.txt";

    private final Path file;

    UnsentSlips(Path officeDir) {
        this.file = officeDir.resolve(FILE);
    }

    Path file() {
        return file;
    }

    List<String> all() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> slips = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                slips.add(line.strip());
            }
        }
        return slips;
    }

    void add(List<String> slips) throws IOException {
        Set<String> merged = new LinkedHashSet<>(all());
        merged.addAll(slips);
        replace(List.copyOf(merged));
    }

    /** Keeps only {@code slips}; an empty list deletes the file. */
    void replace(List<String> slips) throws IOException {
        if (slips.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        // The slips carry masked NIKs and NIK digests: readable by the desk's user only.
        SecureFiles.writePrivate(file, (String.join("\n", slips) + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
