package id.kypso.provisioning.device;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The address of a printer or scanner, written as text on the command line:
 * {@code stdin}, {@code file:/dev/kypso-printer} (a device file or plain file),
 * {@code serial:/dev/kypso-scanner:9600} (8N1, baud rate 9600 when omitted) or
 * {@code tcp:192.168.1.50:9100} (raw TCP, as network receipt printers take).
 */
public sealed interface DeviceSpec {
    int DEFAULT_BAUD = 9600;

    /** Standard input, where a keyboard-wedge scanner types. */
    record Stdin() implements DeviceSpec {
        @Override
        public String toString() {
            return "stdin";
        }
    }

    record File(Path path) implements DeviceSpec {
        @Override
        public String toString() {
            return "file:" + path;
        }
    }

    record Serial(Path path, int baud) implements DeviceSpec {
        @Override
        public String toString() {
            return "serial:" + path + ":" + baud;
        }
    }

    record Tcp(String host, int port) implements DeviceSpec {
        @Override
        public String toString() {
            return "tcp:" + host + ":" + port;
        }
    }

    /**
     * Parses a device spec.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    static DeviceSpec parse(String text) {
        String spec = text == null ? "" : text.strip();
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.equals("stdin")) {
            return new Stdin();
        }
        if (lower.startsWith("file:") && spec.length() > 5) {
            return new File(Path.of(spec.substring(5)));
        }
        if (lower.startsWith("serial:") && spec.length() > 7) {
            // The baud rate follows the last ':' as in the kiosk app's printer setting; '@' is
            // accepted too.
            String rest = spec.substring(7);
            int separator = Math.max(rest.lastIndexOf(':'), rest.lastIndexOf('@'));
            if (separator < 0) {
                return new Serial(Path.of(rest), DEFAULT_BAUD);
            }
            int baud = parseNumber(rest.substring(separator + 1), spec);
            if (baud < 1200 || baud > 921_600) {
                throw new IllegalArgumentException("baud rate must be 1200-921600: " + spec);
            }
            return new Serial(Path.of(rest.substring(0, separator)), baud);
        }
        if (lower.startsWith("tcp:")) {
            String rest = spec.substring(4);
            int colon = rest.lastIndexOf(':');
            if (colon > 0) {
                int port = parseNumber(rest.substring(colon + 1), spec);
                if (port < 1 || port > 65_535) {
                    throw new IllegalArgumentException("TCP port must be 1-65535: " + spec);
                }
                return new Tcp(rest.substring(0, colon), port);
            }
        }
        throw new IllegalArgumentException("device must be stdin, file:PATH, serial:PATH[:BAUD]"
                + " or tcp:HOST:PORT, got '" + spec + "'");
    }

    private static int parseNumber(String text, String spec) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number in " + spec, e);
        }
    }
}
