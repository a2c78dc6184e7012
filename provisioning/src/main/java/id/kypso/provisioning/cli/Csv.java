package id.kypso.provisioning.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the small CSV files operators make in a spreadsheet (RFC 4180: comma or semicolon
 * separated, fields optionally in double quotes, a header row naming the columns). Column names
 * are matched without case; a UTF-8 byte order mark is ignored.
 */
public final class Csv {

    private Csv() {
    }

    /**
     * One data row.
     *
     * @param line the 1-based line number in the file, for error messages
     */
    public record Row(int line, Map<String, String> values) {

        /** Returns the stripped value of {@code column}, or "" when absent. */
        public String get(String column) {
            String value = values.get(column.toLowerCase(Locale.ROOT));
            return value == null ? "" : value.strip();
        }
    }

    /** Parses {@code text}; the separator is whichever of ',' and ';' the header uses. */
    public static List<Row> parse(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        char separator = detectSeparator(content);

        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addRecord(records, lines, fields, recordLine);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        addRecord(records, lines, fields, recordLine);

        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0).stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < record.size(); c++) {
                values.put(header.get(c), record.get(c));
            }
            rows.add(new Row(lines.get(r), values));
        }
        return rows;
    }

    /** Returns the header's column names, lowercased, or an empty list for an empty file. */
    public static List<String> header(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String first = content.lines().findFirst().orElse("");
        if (first.isBlank()) {
            return List.of();
        }
        String separator = String.valueOf(detectSeparator(content));
        List<String> names = new ArrayList<>();
        for (String name : first.split(java.util.regex.Pattern.quote(separator), -1)) {
            names.add(name.replace("\"", "").strip().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static void addRecord(List<List<String>> records, List<Integer> lines,
            List<String> fields, int line) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (!blank) {
            records.add(fields);
            lines.add(line);
        }
    }

    private static char detectSeparator(String content) {
        String first = content.lines().findFirst().orElse("");
        long commas = first.chars().filter(c -> c == ',').count();
        long semicolons = first.chars().filter(c -> c == ';').count();
        return semicolons > commas ? ';' : ',';
    }
}
