package id.kypso.provisioning.office;

import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.cli.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The NIPs of the roster last uploaded from an office folder, one per line in
 * {@code roster-nips.txt}, so {@code slip issue} can warn about an officer the kiosks will show
 * without a name or photo.
 */
public final class RosterNips {
    static final String FILE = "roster-nips.txt";

    private RosterNips() {
    }

    static void write(Path officeDir, List<RosterOfficer> officers) throws CliFailure {
        Path file = officeDir.resolve(FILE);
        StringBuilder text = new StringBuilder();
        for (RosterOfficer officer : officers) {
            text.append(officer.nip()).append('\n');
        }
        try {
            SecureFiles.writePublic(file, text.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", file, e.getMessage());
        }
    }

    /** Returns the roster's NIPs, or empty when no roster was uploaded from this folder. */
    public static Optional<Set<String>> read(Path officeDir) throws CliFailure {
        Path file = officeDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Set<String> nips = new LinkedHashSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (!line.isBlank()) {
                    nips.add(line.strip());
                }
            }
            return Optional.of(nips);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", file, e.getMessage());
        }
    }
}
