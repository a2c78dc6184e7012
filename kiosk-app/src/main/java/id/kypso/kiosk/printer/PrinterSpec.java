package id.kypso.kiosk.printer;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the printer is, as a kiosk setting: {@code file:PATH} (a file or a USB printer device
 * such as {@code /dev/usb/lp0}), {@code tcp:HOST:PORT} (raw TCP, usually port 9100) or
 * {@code serial:PORT[:BAUD]} (default 9600 baud, 8N1).
 */
public sealed interface PrinterSpec {
    int DEFAULT_BAUD = 9600;

    /** A file or device file that takes the bytes. */
    record FileSpec(Path path) implements PrinterSpec {
        @Override
        public String toString() {
            return "file:" + path;
        }
    }

    /** A network printer that takes raw ESC/POS on a TCP port. */
    record TcpSpec(String host, int port) implements PrinterSpec {
        public TcpSpec {
            if (host.isBlank()) {
                throw new IllegalArgumentException("printer host must not be empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("printer TCP port must be 1-65535: " + port);
            }
        }

        @Override
        public String toString() {
            return "tcp:" + host + ":" + port;
        }
    }

    /** A printer on a serial port at {@code baudRate}, 8 data bits, no parity, 1 stop bit. */
    record SerialSpec(String device, int baudRate) implements PrinterSpec {
        public SerialSpec {
            if (device.isBlank()) {
                throw new IllegalArgumentException("serial printer port must not be empty");
            }
            if (baudRate < 300 || baudRate > 921_600) {
                throw new IllegalArgumentException("serial baud rate must be 300-921600: "
                        + baudRate);
            }
        }

        @Override
        public String toString() {
            return "serial:" + device + ":" + baudRate;
        }
    }

    /** Parses a printer setting; the message of the exception quotes the bad part. */
    public static PrinterSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("printer spec is empty; expected file:PATH,"
                    + " tcp:HOST:PORT or serial:PORT[:BAUD]");
        }
        String spec = text.strip();
        int colon = spec.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("printer spec '" + spec + "' has no kind;"
                    + " expected file:PATH, tcp:HOST:PORT or serial:PORT[:BAUD]");
        }
        String kind = spec.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = spec.substring(colon + 1);
        return switch (kind) {
            case "file" -> {
                if (rest.isBlank()) {
                    throw new IllegalArgumentException("printer spec '" + spec
                            + "' has no path");
                }
                yield new FileSpec(Path.of(rest));
            }
            case "tcp" -> parseTcp(spec, rest);
            case "serial" -> parseSerial(spec, rest);
            default -> throw new IllegalArgumentException("printer spec '" + spec
                    + "' has unknown kind '" + kind + "'; expected file, tcp or serial");
        };
    }

    private static TcpSpec parseTcp(String spec, String rest) {
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("printer spec '" + spec
                    + "' needs tcp:HOST:PORT");
        }
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new TcpSpec(host, parseNumber(spec, rest.substring(colon + 1), "port"));
    }

    private static SerialSpec parseSerial(String spec, String rest) {
        // The baud rate is the part after the last colon when it is all digits.
        int colon = rest.lastIndexOf(':');
        if (colon > 0 && rest.substring(colon + 1).matches("\\d+")) {
            return new SerialSpec(rest.substring(0, colon),
                    parseNumber(spec, rest.substring(colon + 1), "baud rate"));
        }
        if (rest.isBlank()) {
            throw new IllegalArgumentException("printer spec '" + spec + "' has no port");
        }
        return new SerialSpec(rest, DEFAULT_BAUD);
    }

    private static int parseNumber(String spec, String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("printer spec '" + spec + "' has " + what + " '"
                    + text + "', expected a number", e);
        }
    }
}
