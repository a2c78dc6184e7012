package id.kypso.aggregator.admin;

import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a roster from CSV, alone or in a ZIP with the photos it names. The CSV has a header
 * line {@code nip,name,stage,photo}; {@code photo} is optional and names a JPEG or PNG file
 * in the same ZIP. Fields may be quoted as RFC 4180 says.
 */
public final class RosterImport {
    /** The largest ZIP accepted, and the largest total of its unpacked files. */
    static final long MAX_UNPACKED_BYTES = 64L * 1024 * 1024;

    private RosterImport() {
    }

    public static List<RosterOfficer> fromCsv(byte[] csv) {
        return parse(new String(csv, StandardCharsets.UTF_8), Map.of());
    }

    public static List<RosterOfficer> fromZip(byte[] zip) {
        Map<String, byte[]> files = new HashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = in.readNBytes((int) Math.min(MAX_UNPACKED_BYTES - total + 1,
                        Integer.MAX_VALUE - 8));
                total += content.length;
                if (total > MAX_UNPACKED_BYTES) {
                    throw ProblemException.unprocessable("roster ZIP unpacks to more than "
                            + MAX_UNPACKED_BYTES + " bytes");
                }
                String name = entry.getName();
                files.put(name.substring(name.lastIndexOf('/') + 1), content);
            }
        } catch (IOException e) {
            throw ProblemException.unprocessable("roster ZIP cannot be read: " + e.getMessage());
        }
        byte[] csv = files.get("roster.csv");
        if (csv == null) {
            throw ProblemException.unprocessable("roster ZIP has no roster.csv");
        }
        return parse(new String(csv, StandardCharsets.UTF_8), files);
    }

    private static List<RosterOfficer> parse(String text, Map<String, byte[]> files) {
        List<List<String>> rows = csvRows(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("roster CSV is empty");
        }
        List<String> header = rows.get(0).stream()
                .map(cell -> cell.strip().toLowerCase(Locale.ROOT)).toList();
        int nip = header.indexOf("nip");
        int name = header.indexOf("name");
        int stage = header.indexOf("stage");
        int photo = header.indexOf("photo");
        if (nip < 0 || name < 0 || stage < 0) {
            throw ProblemException.unprocessable("roster CSV header must have nip, name and"
                    + " stage (and may have photo): " + rows.get(0));
        }
        List<String> problems = new ArrayList<>();
        List<RosterOfficer> roster = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            String photoName = photo >= 0 && photo < row.size() ? row.get(photo).strip() : "";
            String photoBase64 = null;
            if (!photoName.isEmpty()) {
                byte[] image = files.get(photoName);
                if (image == null) {
                    problems.add("line " + (i + 1) + ": photo " + photoName
                            + " is not in the ZIP");
                } else {
                    photoBase64 = Base64.getEncoder().encodeToString(image);
                }
            }
            roster.add(new RosterOfficer(cell(row, nip), cell(row, name),
                    cell(row, stage).toUpperCase(Locale.ROOT), photoBase64));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("roster has " + problems.size()
                    + " problem(s): " + problems.get(0)).with("problems", problems);
        }
        return roster;
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() ? row.get(index).strip() : "";
    }

    /** Splits RFC 4180 CSV into rows of cells. */
    static List<List<String>> csvRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
