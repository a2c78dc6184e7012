package id.kypso.kiosk.printer;

import id.kypso.core.qr.QrCodes;
import id.kypso.kiosk.printer.EscPos.Alignment;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Lays out one ticket as ESC/POS bytes for a printer profile: office name, heading,
 * registration number, masked NIK, time, kiosk, extra lines, the QR code, the short code, a
 * footer and a cut.
 */
final class TicketLayout {
    private static final String BUNDLE = "id.kypso.kiosk.printer.ticket";

    private final PrinterProfile profile;
    private final TextEncoder encoder;
    private final ResourceBundle labels;

    TicketLayout(PrinterProfile profile) {
        this.profile = profile;
        this.encoder = new TextEncoder(profile.codePage());
        this.labels = labels(profile.locale());
    }

    /** Returns the ticket labels for {@code locale}, Bahasa Indonesia for unknown locales. */
    static ResourceBundle labels(Locale locale) {
        // Without this control an unknown locale would fall back to the JVM's default locale.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    byte[] render(TicketPrint ticket) {
        int columns = profile.paper().columns();
        EscPos out = new EscPos().initialize();
        if (profile.codePage().table() >= 0) {
            out.codeTable(profile.codePage().table());
        }

        // Office name in double size, then the heading, centred.
        out.align(Alignment.CENTER).emphasis(true).size(2, 2);
        lines(out, ticket.officeName(), columns / 2);
        out.size(1, 1);
        lines(out, labels.getString("ticket.heading"), columns);
        out.emphasis(false);
        lines(out, "-".repeat(columns), columns);

        // The fields, left aligned, one per line.
        out.align(Alignment.LEFT);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(
                labels.getString("ticket.timePattern"), profile.locale());
        field(out, "ticket.registration", ticket.registrationNumber(), columns);
        field(out, "ticket.nik", ticket.maskedNik(), columns);
        field(out, "ticket.time", time.format(ticket.issuedAt()), columns);
        field(out, "ticket.kiosk", ticket.kioskId(), columns);
        for (String line : ticket.lines()) {
            lines(out, line, columns);
        }
        out.lineFeed();

        // The QR code and the short code under it, centred.
        out.align(Alignment.CENTER);
        qrCode(out, ticket.qrPayload());
        out.lineFeed();
        lines(out, labels.getString("ticket.shortCode"), columns);
        out.emphasis(true).size(2, 2);
        lines(out, ticket.shortCode(), columns / 2);
        out.size(1, 1).emphasis(false);
        lines(out, labels.getString("ticket.footer"), columns);
        out.align(Alignment.LEFT).feedLines(2).cut(0);
        return out.toByteArray();
    }

    private void qrCode(EscPos out, String payload) {
        if (profile.qrMode() == PrinterProfile.QrMode.NATIVE) {
            out.qrCode(payload, profile.qrModuleSize(), EscPos.QR_LEVEL_M);
            return;
        }
        out.rasterImage(QrCodes.draw(payload, profile.qrModuleSize()));
        out.lineFeed();
    }

    private void field(EscPos out, String labelKey, String value, int columns) {
        lines(out, labels.getString(labelKey) + ": " + value, columns);
    }

    private void lines(EscPos out, String text, int columns) {
        for (String line : wrap(text, columns)) {
            out.text(encoder.encode(line)).lineFeed();
        }
    }

    /** Splits {@code text} into lines of at most {@code columns} characters at spaces. */
    static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            // A word longer than a line is cut into line-sized pieces.
            while (word.codePointCount(0, word.length()) > columns) {
                flush(lines, line);
                int cut = word.offsetByCodePoints(0, columns);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            int needed = line.isEmpty() ? word.length() : line.length() + 1 + word.length();
            if (needed > columns) {
                flush(lines, line);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        flush(lines, line);
        return lines;
    }

    private static void flush(List<String> lines, StringBuilder line) {
        if (!line.isEmpty()) {
            lines.add(line.toString());
            line.setLength(0);
        }
    }
}
