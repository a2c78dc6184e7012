package id.kypso.kiosk.printer;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * The settings of one printer model: paper width, how to print the QR code, which code page
 * to use, whether the printer answers status requests, and serial flow control.
 *
 * @param qrModuleSize dots per QR module, 1-16
 * @param readsStatus whether to send DLE EOT before and after each ticket; off for a sink that
 *     cannot answer, such as a plain file
 * @param statusTimeout how long to wait for each status byte before calling the printer offline
 * @param locale the language of the ticket's own labels (heading, field names)
 * @param flowControl the serial handshake; ignored for file and TCP printers
 */
public record PrinterProfile(
        PaperWidth paper,
        QrMode qrMode,
        int qrModuleSize,
        CodePage codePage,
        boolean readsStatus,
        Duration statusTimeout,
        Locale locale,
        FlowControl flowControl) {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    public PrinterProfile {
        if (qrModuleSize < 1 || qrModuleSize > 16) {
            throw new IllegalArgumentException("QR module size must be 1-16 dots: "
                    + qrModuleSize);
        }
        if (statusTimeout.isNegative() || statusTimeout.isZero()) {
            throw new IllegalArgumentException("status timeout must be positive: "
                    + statusTimeout);
        }
    }

    /**
     * Returns the profile for an 80 mm printer with its own QR command, code page PC858,
     * status reading with a 2 s timeout, Indonesian labels and no serial flow control.
     */
    public static PrinterProfile defaults() {
        return new PrinterProfile(PaperWidth.MM_80, QrMode.NATIVE, 6, CodePage.PC858, true,
                Duration.ofSeconds(2), INDONESIAN, FlowControl.NONE);
    }

    /**
     * Reads a profile from {@code printer.*} properties; a missing key keeps its default:
     * {@code printer.paper} (58 or 80), {@code printer.qr} (native or raster),
     * {@code printer.qr.moduleSize} (dots), {@code printer.codepage} (cp437, cp850, cp858,
     * cp1252, ascii), {@code printer.status} (true or false), {@code printer.status.timeoutMs},
     * {@code printer.locale} (id or en), {@code printer.serial.flowControl} (none, rtscts,
     * xonxoff).
     */
    public static PrinterProfile fromProperties(Properties properties) {
        PrinterProfile base = defaults();
        PaperWidth paper = PaperWidth.fromMillimetres(
                number(properties, "printer.paper", base.paper().millimetres()));
        int qrModuleDefault = paper == PaperWidth.MM_58 ? 5 : 6;
        return new PrinterProfile(
                paper,
                QrMode.fromKey(properties.getProperty("printer.qr", "native")),
                number(properties, "printer.qr.moduleSize", qrModuleDefault),
                CodePage.fromKey(properties.getProperty("printer.codepage", "cp858")),
                parseBoolean(properties.getProperty("printer.status", "true")),
                Duration.ofMillis(number(properties, "printer.status.timeoutMs",
                        (int) base.statusTimeout().toMillis())),
                Locale.forLanguageTag(properties.getProperty("printer.locale", "id").trim()),
                FlowControl.fromKey(properties.getProperty("printer.serial.flowControl",
                        "none")));
    }

    public PrinterProfile withPaper(PaperWidth newPaper) {
        return new PrinterProfile(newPaper, qrMode, qrModuleSize, codePage, readsStatus,
                statusTimeout, locale, flowControl);
    }

    public PrinterProfile withQrMode(QrMode newMode) {
        return new PrinterProfile(paper, newMode, qrModuleSize, codePage, readsStatus,
                statusTimeout, locale, flowControl);
    }

    public PrinterProfile withQrModuleSize(int newSize) {
        return new PrinterProfile(paper, qrMode, newSize, codePage, readsStatus, statusTimeout,
                locale, flowControl);
    }

    public PrinterProfile withCodePage(CodePage newPage) {
        return new PrinterProfile(paper, qrMode, qrModuleSize, newPage, readsStatus,
                statusTimeout, locale, flowControl);
    }

    public PrinterProfile withStatus(boolean reads, Duration timeout) {
        return new PrinterProfile(paper, qrMode, qrModuleSize, codePage, reads, timeout,
                locale, flowControl);
    }

    public PrinterProfile withLocale(Locale newLocale) {
        return new PrinterProfile(paper, qrMode, qrModuleSize, codePage, readsStatus,
                statusTimeout, newLocale, flowControl);
    }

    public PrinterProfile withFlowControl(FlowControl newFlowControl) {
        return new PrinterProfile(paper, qrMode, qrModuleSize, codePage, readsStatus,
                statusTimeout, locale, newFlowControl);
    }

    private static int number(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number: " + value, e);
        }
    }

    private static boolean parseBoolean(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("printer.status must be true or false: " + text);
        }
        return Boolean.parseBoolean(value);
    }

    /** Serial handshake between the kiosk and the printer. */
    public enum FlowControl {
        /** No handshake: the printer's buffer must take every ticket at the line's speed. */
        NONE,
        /** Hardware handshake on the RTS and CTS lines, common on serial receipt printers. */
        RTS_CTS,
        /** Software handshake with XON (0x11) and XOFF (0x13) bytes from the printer. */
        XON_XOFF;

        static FlowControl fromKey(String key) {
            return switch (key.trim().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "rtscts" -> RTS_CTS;
                case "xonxoff" -> XON_XOFF;
                default -> throw new IllegalArgumentException("printer.serial.flowControl must"
                        + " be none, rtscts or xonxoff: " + key);
            };
        }
    }

    /** Paper roll width, with the characters per line of font A and the printable dots. */
    public enum PaperWidth {
        MM_58(58, 32, 384),
        MM_80(80, 48, 576);

        private final int millimetres;
        private final int columns;
        private final int dots;

        PaperWidth(int millimetres, int columns, int dots) {
            this.millimetres = millimetres;
            this.columns = columns;
            this.dots = dots;
        }

        public int millimetres() {
            return millimetres;
        }

        /** Returns the characters per line at font A (12 x 24 dots). */
        public int columns() {
            return columns;
        }

        /** Returns the printable width in dots at 203 dpi. */
        public int dots() {
            return dots;
        }

        public static PaperWidth fromMillimetres(int millimetres) {
            return switch (millimetres) {
                case 58 -> MM_58;
                case 80 -> MM_80;
                default -> throw new IllegalArgumentException("paper width must be 58 or 80 mm,"
                        + " got " + millimetres);
            };
        }
    }

    /** How the ticket QR code reaches the paper. */
    public enum QrMode {
        /** The printer draws the QR code itself from GS ( k: few bytes, sharp modules. */
        NATIVE,
        /** The kiosk draws the QR code and sends it as a GS v 0 raster image. */
        RASTER;

        static QrMode fromKey(String key) {
            return switch (key.trim().toLowerCase(Locale.ROOT)) {
                case "native" -> NATIVE;
                case "raster" -> RASTER;
                default -> throw new IllegalArgumentException("printer.qr must be native or"
                        + " raster: " + key);
            };
        }
    }
}
