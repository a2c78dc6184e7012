package id.kypso.provisioning.office;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.core.identity.Nip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Csv;
import id.kypso.provisioning.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an office roster from JSON (an array of objects with nip, name, stage and an optional
 * photo) or CSV (columns nip, name, stage, photo). A photo is a JPEG or PNG file named relative
 * to the roster file, at most {@value #MAX_PHOTO_BYTES} bytes.
 */
final class RosterFile {
    static final int MAX_PHOTO_BYTES = 256 * 1024;
    static final int MAX_NAME_LENGTH = 120;

    private RosterFile() {
    }

    /** Reads and validates the whole roster; the failure lists every bad entry. */
    static List<RosterOfficer> read(Path file) throws CliFailure {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.missing", file);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.read", file, e.getMessage());
        }
        List<Entry> entries = file.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(".json") ? fromJson(file, text) : fromCsv(text);

        List<String> problems = new ArrayList<>();
        List<RosterOfficer> officers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Path folder = file.toAbsolutePath().getParent();
        for (Entry entry : entries) {
            RosterOfficer officer = validate(entry, folder, problems);
            if (officer != null && !seen.add(officer.nip())) {
                problems.add(entry.where() + ": NIP " + officer.nip() + " is listed twice");
            } else if (officer != null) {
                officers.add(officer);
            }
        }
        if (entries.isEmpty()) {
            problems.add("no officers listed");
        }
        if (!problems.isEmpty()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "roster.invalid", file,
                    String.join("\n  ", problems));
        }
        return officers;
    }

    private record Entry(String where, String nip, String name, String stage, String photo) {
    }

    private static List<Entry> fromJson(Path file, String text) throws CliFailure {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "roster.notJson", file,
                    id.kypso.core.sync.SyncJson.describe(e));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "roster.notJson", file,
                    e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "roster.notJson", file,
                    "expected a JSON array of officers");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            entries.add(new Entry("entry " + (i + 1), node.path("nip").asText(""),
                    node.path("name").asText(""), node.path("stage").asText(""),
                    node.path("photo").asText("")));
        }
        return entries;
    }

    private static List<Entry> fromCsv(String text) {
        List<Entry> entries = new ArrayList<>();
        for (Csv.Row row : Csv.parse(text)) {
            entries.add(new Entry("line " + row.line(), row.get("nip"), row.get("name"),
                    row.get("stage"), row.get("photo")));
        }
        return entries;
    }

    private static RosterOfficer validate(Entry entry, Path folder, List<String> problems) {
        int before = problems.size();
        Nip nip = null;
        try {
            nip = Nip.parse(entry.nip());
        } catch (IllegalArgumentException e) {
            problems.add(entry.where() + ": " + e.getMessage());
        }
        String name = entry.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            problems.add(entry.where() + ": name must be 1-" + MAX_NAME_LENGTH + " characters");
        }
        ServiceStage stage = null;
        try {
            stage = ServiceStage.valueOf(entry.stage().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(entry.where() + ": stage must be VERIFIKASI, PEREKAMAN or PENGAMBILAN,"
                    + " got '" + entry.stage() + "'");
        }
        String photo = entry.photo().isBlank() ? null : readPhoto(entry, folder, problems);
        if (problems.size() > before) {
            return null;
        }
        return new RosterOfficer(nip.digits(), name, stage.name(), photo);
    }

    private static String readPhoto(Entry entry, Path folder, List<String> problems) {
        Path photo = folder.resolve(entry.photo().strip());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(photo);
        } catch (IOException e) {
            problems.add(entry.where() + ": photo " + photo + " cannot be read: "
                    + e.getClass().getSimpleName());
            return null;
        }
        if (bytes.length > MAX_PHOTO_BYTES) {
            problems.add(entry.where() + ": photo " + photo + " is " + bytes.length
                    + " bytes, at most " + MAX_PHOTO_BYTES + " are allowed; scale it down");
            return null;
        }
        if (!isJpeg(bytes) && !isPng(bytes)) {
            problems.add(entry.where() + ": photo " + photo + " is not a JPEG or PNG file");
            return null;
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8
                && (bytes[2] & 0xFF) == 0xFF;
    }

    private static boolean isPng(byte[] bytes) {
        return bytes.length > 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P'
                && bytes[2] == 'N' && bytes[3] == 'G';
    }
}
