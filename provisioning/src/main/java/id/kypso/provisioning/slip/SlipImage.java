package id.kypso.provisioning.slip;

import id.kypso.core.qr.QrCodes;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.StageOfficer;
import id.kypso.provisioning.cli.Messages;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a registration slip as a black-and-white image one receipt wide: heading, office,
 * registration number, masked NIK, perekaman time, officers' NIPs and the signed QR code. The
 * full NIK is not drawn, because a slip contains only the masked form.
 */
final class SlipImage {
    /** 80 mm paper at 203 dpi leaves 576 printable dots. */
    static final int DEFAULT_WIDTH = 576;
    static final int MIN_WIDTH = 300;
    private static final int MARGIN = 16;
    private static final int MAX_MODULE_SIZE = 8;

    private final Messages messages;
    private final ZoneId zone;
    private final int width;

    SlipImage(Messages messages, ZoneId zone, int width) {
        this.messages = messages;
        this.zone = zone;
        this.width = width;
    }

    BufferedImage render(RegistrationSlip slip, String qrText, String officeName) {
        BufferedImage qr = qrImage(qrText);
        List<Line> lines = new ArrayList<>();
        Font title = new Font(Font.SANS_SERIF, Font.BOLD, 26);
        Font heading = new Font(Font.SANS_SERIF, Font.BOLD, 20);
        Font body = new Font(Font.SANS_SERIF, Font.PLAIN, 19);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 16);

        lines.add(new Line(messages.text("slip.print.title"), title, true));
        lines.add(new Line(officeName, heading, true));
        lines.add(new Line(messages.text("slip.print.office", slip.office()), small, true));
        lines.add(Line.GAP);
        lines.add(new Line(messages.text("slip.print.registration", slip.registrationNumber()),
                heading, false));
        lines.add(new Line(messages.text("slip.print.nik", slip.maskedNik()), body, false));
        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm zzz",
                messages.locale());
        lines.add(new Line(messages.text("slip.print.time",
                format.format(slip.perekamanAt().atZone(zone))), body, false));
        for (StageOfficer officer : slip.officers()) {
            lines.add(new Line(messages.text("slip.print.officer",
                    messages.text("stage." + officer.stage().name()), officer.nip()), body,
                    false));
        }

        List<Line> footer = new ArrayList<>();
        footer.add(new Line(messages.text("slip.print.footer"), small, true));

        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D measure = probe.createGraphics();
        List<Line> wrappedTop = wrap(lines, measure);
        List<Line> wrappedFooter = wrap(footer, measure);
        int height = MARGIN + heightOf(wrappedTop, measure) + 8 + qr.getHeight() + 8
                + heightOf(wrappedFooter, measure) + MARGIN;
        measure.dispose();

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            int y = draw(g, wrappedTop, MARGIN);
            y += 8;
            g.drawImage(qr, (width - qr.getWidth()) / 2, y, null);
            y += qr.getHeight() + 8;
            draw(g, wrappedFooter, y);
        } finally {
            g.dispose();
        }
        return image;
    }

    private BufferedImage qrImage(String qrText) {
        int modules = QrCodes.moduleCount(qrText);
        int moduleSize = Math.max(1, Math.min(MAX_MODULE_SIZE, (width - 2 * MARGIN) / modules));
        return QrCodes.draw(qrText, moduleSize);
    }

    private int draw(Graphics2D g, List<Line> lines, int top) {
        int y = top;
        for (Line line : lines) {
            if (line == Line.GAP) {
                g.drawLine(MARGIN, y + 6, width - MARGIN, y + 6);
                y += 12;
                continue;
            }
            g.setFont(line.font());
            FontMetrics metrics = g.getFontMetrics();
            int x = line.centered() ? (width - metrics.stringWidth(line.text())) / 2 : MARGIN;
            g.drawString(line.text(), Math.max(MARGIN, x), y + metrics.getAscent());
            y += metrics.getHeight();
        }
        return y;
    }

    private int heightOf(List<Line> lines, Graphics2D g) {
        int height = 0;
        for (Line line : lines) {
            height += line == Line.GAP ? 12 : g.getFontMetrics(line.font()).getHeight();
        }
        return height;
    }

    // Breaks lines at spaces so each fits between the margins.
    private List<Line> wrap(List<Line> lines, Graphics2D g) {
        int available = width - 2 * MARGIN;
        List<Line> wrapped = new ArrayList<>();
        for (Line line : lines) {
            if (line == Line.GAP) {
                wrapped.add(line);
                continue;
            }
            FontMetrics metrics = g.getFontMetrics(line.font());
            StringBuilder current = new StringBuilder();
            for (String word : line.text().split(" ")) {
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (metrics.stringWidth(candidate) > available && !current.isEmpty()) {
                    wrapped.add(new Line(current.toString(), line.font(), line.centered()));
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            wrapped.add(new Line(current.toString(), line.font(), line.centered()));
        }
        return wrapped;
    }

    private record Line(String text, Font font, boolean centered) {
        static final Line GAP = new Line("", null, false);
    }
}
