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
    /** Slips the aggregator rejected for good, each with its reason after a tab. */
    static final String REJECTED_FILE = "slips-rejected.txt";

    private final Path file;
    private final Path rejectedFile;

    UnsentSlips(Path officeDir) {
        this.file = officeDir.resolve(FILE);
        this.rejectedFile = officeDir.resolve(REJECTED_FILE);
    }

    /** Appends {@code lines} (slip, tab, reason) to the rejected slips. */
    void reject(List<String> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>();
        if (Files.exists(rejectedFile)) {
            all.addAll(Files.readAllLines(rejectedFile, StandardCharsets.UTF_8));
        }
        all.addAll(lines);
        SecureFiles.writePrivate(rejectedFile, (String.join("\n", all) + "\n")
                .getBytes(StandardCharsets.UTF_8));
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
