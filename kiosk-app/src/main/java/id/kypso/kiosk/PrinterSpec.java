package id.kypso.kiosk;

import java.nio.file.Path;

/** Where tickets go, parsed from {@code --printer}: a file, a TCP printer or a serial port. */
sealed interface PrinterSpec {

    /** Appends tickets to a file or device file such as {@code /dev/usb/lp0}. */
    record File(Path path) implements PrinterSpec {
    }

    /** A network printer taking raw ESC/POS on a TCP port, usually 9100. */
    record Tcp(String host, int port) implements PrinterSpec {
    }

    /** A printer on a serial port such as {@code /dev/ttyUSB0}. */
    record Serial(String port) implements PrinterSpec {
    }

    /**
     * Parses {@code file:PATH}, {@code tcp:HOST:PORT} or {@code serial:PORT}.
     *
     * @throws IllegalArgumentException naming the text and the expected forms
     */
    static PrinterSpec parse(String text) {
        String expected = "; expected file:PATH, tcp:HOST:PORT or serial:PORT";
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            throw new IllegalArgumentException("invalid printer '" + text + "'" + expected);
        }
        String kind = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        switch (kind) {
            case "file":
                return new File(Path.of(rest));
            case "serial":
                return new Serial(rest);
            case "tcp":
                int portColon = rest.lastIndexOf(':');
                if (portColon < 1) {
                    throw new IllegalArgumentException("invalid printer '" + text
                            + "': tcp needs HOST:PORT" + expected);
                }
                int port;
                try {
                    port = Integer.parseInt(rest.substring(portColon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("invalid printer '" + text
                            + "': port must be 1-65535");
                }
                return new Tcp(rest.substring(0, portColon), port);
            default:
                throw new IllegalArgumentException("invalid printer kind '" + kind + "'"
                        + expected);
        }
    }
}
