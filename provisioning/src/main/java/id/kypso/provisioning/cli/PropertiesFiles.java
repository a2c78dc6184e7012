package id.kypso.provisioning.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads and writes the small {@code .properties} files of office and kiosk folders. */
public final class PropertiesFiles {

    private PropertiesFiles() {
    }

    public static Properties read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /**
     * Writes {@code values} sorted by name, UTF-8 encoded, under a comment line, atomically and
     * readable by everyone (these files hold no secrets).
     */
    public static void write(Path file, String comment, Map<String, String> values)
            throws IOException {
        SecureFiles.writePublic(file, format(comment, values));
    }

    /** Like {@link #write}, readable and writable by the owner only. */
    public static void writePrivate(Path file, String comment, Map<String, String> values)
            throws IOException {
        SecureFiles.writePrivate(file, format(comment, values));
    }

    private static byte[] format(String comment, Map<String, String> values) {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        for (Map.Entry<String, String> entry : new TreeMap<>(values).entrySet()) {
            text.append(entry.getKey()).append('=').append(escape(entry.getValue()))
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    // Escapes a value only where Properties.load would misread it. Properties.store would add a
    // date line and escape every non-ASCII letter; this keeps office names readable and the file
    // the same from run to run. Keys are this module's own and need no escaping.
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case ' ' -> escaped.append(i == 0 ? "\\ " : " ");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
