package id.kypso.kiosk.printer;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws what a thermal printer would print for the ESC/POS subset the kiosk sends: ESC @,
 * ESC t, ESC a, ESC E, GS !, LF, ESC d, GS ( k (QR model 2: size, error correction, store,
 * print), GS v 0 and GS V, with DLE EOT requests skipped. Text uses font A cells of 12 x 24
 * dots. A QR code is drawn by encoding the stored data again with ZXing at the module size and
 * error correction level the stream chose, as the printer's own encoder does; its version and
 * mask may differ from a given printer's, but it carries the same data.
 *
 * <p>Any other command is rejected, so a test sees when the kiosk starts sending something the
 * renderer does not understand.
 */
public final class EscPosRenderer {
    /** Default printable width: 80 mm paper at 203 dpi. */
    public static final int DEFAULT_WIDTH = 576;

    private static final int CELL_WIDTH = 12;
    private static final int CELL_HEIGHT = 24;
    private static final int LINE_HEIGHT = 30;
    private static final Font FONT = new Font(Font.MONOSPACED, Font.PLAIN, 20);
    private static final Font BOLD = FONT.deriveFont(Font.BOLD);

    private final int width;
    private final byte[] bytes;
    private final List<BufferedImage> blocks = new ArrayList<>();
    private final List<String> textLines = new ArrayList<>();
    private final List<Glyph> line = new ArrayList<>();
    private int position;

    // Print modes, reset by ESC @.
    private int alignment;
    private boolean emphasized;
    private int widthScale;
    private int heightScale;
    private Charset charset;
    private int qrModuleSize;
    private ErrorCorrectionLevel qrLevel;
    private byte[] qrData;

    private EscPosRenderer(byte[] bytes, int width) {
        this.bytes = bytes;
        this.width = width;
        reset();
    }

    /** Renders {@code bytes} onto 80 mm paper (576 dots wide). */
    public static BufferedImage render(byte[] bytes) {
        return render(bytes, DEFAULT_WIDTH);
    }

    /** Renders {@code bytes} onto paper {@code widthDots} wide; 384 for 58 mm paper. */
    public static BufferedImage render(byte[] bytes, int widthDots) {
        EscPosRenderer renderer = new EscPosRenderer(bytes, widthDots);
        renderer.run();
        return renderer.stack();
    }

    /**
     * Returns the text lines {@code bytes} print, decoded with the code page that ESC t
     * selected, without layout. QR codes and images are left out.
     */
    public static List<String> text(byte[] bytes) {
        EscPosRenderer renderer = new EscPosRenderer(bytes, DEFAULT_WIDTH);
        renderer.run();
        return List.copyOf(renderer.textLines);
    }

    private void reset() {
        alignment = 0;
        emphasized = false;
        widthScale = 1;
        heightScale = 1;
        charset = CodePage.PC437.charset();
        qrModuleSize = 3;
        qrLevel = ErrorCorrectionLevel.L;
    }

    private void run() {
        while (position < bytes.length) {
            int value = next();
            switch (value) {
                case EscPos.LF -> flushLine(true);
                case EscPos.ESC -> escape();
                case EscPos.GS -> groupSeparator();
                case EscPos.DLE -> realTime();
                default -> {
                    if (value < 0x20) {
                        throw unsupported("control byte", value);
                    }
                    line.add(new Glyph(value, emphasized, widthScale, heightScale));
                }
            }
        }
        flushLine(false);
    }

    private void escape() {
        int command = next();
        switch (command) {
            case '@' -> {
                flushLine(false);
                reset();
            }
            case 't' -> {
                int table = next();
                CodePage page = CodePage.fromTable(table);
                if (page == null) {
                    throw new IllegalArgumentException("ESC t " + table
                            + " selects a code table the renderer does not know");
                }
                charset = page.charset();
            }
            case 'a' -> alignment = Math.min(next() & 0x03, 2);
            case 'E' -> emphasized = (next() & 1) == 1;
            case 'd' -> {
                flushLine(true);
                int lines = next();
                for (int i = 1; i < lines; i++) {
                    flushLine(true);
                }
            }
            default -> throw unsupported("ESC command", command);
        }
    }

    private void groupSeparator() {
        int command = next();
        switch (command) {
            case '!' -> {
                int size = next();
                widthScale = ((size >> 4) & 0x07) + 1;
                heightScale = (size & 0x07) + 1;
            }
            case '(' -> twoDimensionalCode();
            case 'v' -> rasterImage();
            case 'V' -> cut();
            default -> throw unsupported("GS command", command);
        }
    }

    private void realTime() {
        int command = next();
        if (command != EscPos.EOT) {
            throw unsupported("DLE command", command);
        }
        next();
    }

    /** GS ( k pL pH cn fn [parameters]: only cn 49 (QR code) is understood. */
    private void twoDimensionalCode() {
        if (next() != 'k') {
            throw unsupported("GS ( command", bytes[position - 1] & 0xff);
        }
        int length = next() | (next() << 8);
        int start = position;
        int symbol = next();
        int function = next();
        if (symbol != 49) {
            throw unsupported("GS ( k symbol type", symbol);
        }
        switch (function) {
            case 65 -> {
                if (next() != 50) {
                    throw new IllegalArgumentException("only QR model 2 is supported");
                }
            }
            case 67 -> qrModuleSize = next();
            case 69 -> qrLevel = switch (next()) {
                case EscPos.QR_LEVEL_L -> ErrorCorrectionLevel.L;
                case EscPos.QR_LEVEL_M -> ErrorCorrectionLevel.M;
                case EscPos.QR_LEVEL_Q -> ErrorCorrectionLevel.Q;
                case EscPos.QR_LEVEL_H -> ErrorCorrectionLevel.H;
                default -> throw unsupported("QR error correction", bytes[position - 1]);
            };
            case 80 -> {
                next();
                qrData = Arrays.copyOfRange(bytes, position, start + length);
            }
            case 81 -> {
                next();
                printQrCode();
            }
            default -> throw unsupported("GS ( k QR function", function);
        }
        position = start + length;
    }

    private void printQrCode() {
        flushLine(false);
        if (qrData == null || qrData.length == 0) {
            return;
        }

        // ISO-8859-1 maps each stored byte to one character, so ZXing encodes the same bytes
        // in byte mode (or a denser mode where they allow it) without adding an ECI.
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.ISO_8859_1.name());
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(new String(qrData, StandardCharsets.ISO_8859_1), qrLevel,
                    hints).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException("stored QR data of " + qrData.length
                    + " bytes does not fit a QR code", e);
        }
        int size = matrix.getWidth() * qrModuleSize;
        BufferedImage block = blank(size);
        int left = offset(size);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    fill(block, left + x * qrModuleSize, y * qrModuleSize, qrModuleSize,
                            qrModuleSize);
                }
            }
        }
        blocks.add(block);
    }

    /** GS v 0 m xL xH yL yH d1...dk: m scales width (bit 0) and height (bit 1). */
    private void rasterImage() {
        if (next() != '0') {
            throw unsupported("GS v command", bytes[position - 1] & 0xff);
        }
        flushLine(false);
        int mode = next();
        int widthBytes = next() | (next() << 8);
        int height = next() | (next() << 8);
        int scaleX = (mode & 1) + 1;
        int scaleY = ((mode >> 1) & 1) + 1;
        if (position + widthBytes * height > bytes.length) {
            throw new IllegalArgumentException("GS v 0 image of " + widthBytes + "x" + height
                    + " bytes runs past the end of the stream");
        }
        BufferedImage block = blank(height * scaleY);
        int left = offset(widthBytes * 8 * scaleX);
        for (int y = 0; y < height; y++) {
            for (int xByte = 0; xByte < widthBytes; xByte++) {
                int packed = bytes[position++] & 0xff;
                for (int bit = 0; bit < 8; bit++) {
                    if ((packed & (0x80 >> bit)) != 0) {
                        fill(block, left + (xByte * 8 + bit) * scaleX, y * scaleY, scaleX,
                                scaleY);
                    }
                }
            }
        }
        blocks.add(block);
    }

    /** GS V m, or GS V m n for m 65 and 66: drawn as a dashed line across the paper. */
    private void cut() {
        flushLine(false);
        int mode = next();
        if (mode == 65 || mode == 66) {
            next();
        }
        BufferedImage block = blank(16);
        Graphics2D g = block.createGraphics();
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {8, 6}, 0));
        g.drawLine(0, 8, width, 8);
        g.dispose();
        blocks.add(block);
    }

    /** Prints the pending glyphs; a line feed on an empty line still feeds one line. */
    private void flushLine(boolean feed) {
        if (line.isEmpty()) {
            if (feed) {
                blocks.add(blank(LINE_HEIGHT));
            }
            return;
        }
        int lineWidth = 0;
        int maxHeight = 1;
        byte[] raw = new byte[line.size()];
        for (int i = 0; i < line.size(); i++) {
            Glyph glyph = line.get(i);
            lineWidth += CELL_WIDTH * glyph.widthScale();
            maxHeight = Math.max(maxHeight, glyph.heightScale());
            raw[i] = (byte) glyph.code();
        }
        String decoded = new String(raw, charset);
        textLines.add(decoded);

        BufferedImage block = blank(CELL_HEIGHT * maxHeight + LINE_HEIGHT - CELL_HEIGHT);
        Graphics2D g = block.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setColor(Color.BLACK);
        int x = offset(lineWidth);
        int[] codePoints = decoded.codePoints().toArray();
        for (int i = 0; i < line.size() && i < codePoints.length; i++) {
            Glyph glyph = line.get(i);
            AffineTransform saved = g.getTransform();
            g.translate(x, CELL_HEIGHT * maxHeight - 5 * glyph.heightScale());
            g.scale(glyph.widthScale(), glyph.heightScale());
            g.setFont(glyph.emphasized() ? BOLD : FONT);
            g.drawString(Character.toString(codePoints[i]), 0, 0);
            g.setTransform(saved);
            x += CELL_WIDTH * glyph.widthScale();
        }
        g.dispose();
        blocks.add(block);
        line.clear();
    }

    private int offset(int contentWidth) {
        return switch (alignment) {
            case 1 -> Math.max(0, (width - contentWidth) / 2);
            case 2 -> Math.max(0, width - contentWidth);
            default -> 0;
        };
    }

    private BufferedImage blank(int height) {
        BufferedImage block = new BufferedImage(width, Math.max(1, height),
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = block.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, block.getHeight());
        g.dispose();
        return block;
    }

    private static void fill(BufferedImage block, int x, int y, int w, int h) {
        for (int dy = 0; dy < h; dy++) {
            for (int dx = 0; dx < w; dx++) {
                if (x + dx < block.getWidth() && y + dy < block.getHeight()) {
                    block.setRGB(x + dx, y + dy, 0xff000000);
                }
            }
        }
    }

    private BufferedImage stack() {
        int height = blocks.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage paper = blank(Math.max(1, height));
        Graphics2D g = paper.createGraphics();
        int y = 0;
        for (BufferedImage block : blocks) {
            g.drawImage(block, 0, y, null);
            y += block.getHeight();
        }
        g.dispose();
        return paper;
    }

    private int next() {
        if (position >= bytes.length) {
            throw new IllegalArgumentException("ESC/POS stream ends inside a command at byte "
                    + position);
        }
        return bytes[position++] & 0xff;
    }

    private IllegalArgumentException unsupported(String what, int value) {
        return new IllegalArgumentException(String.format("unsupported %s 0x%02x at byte %d",
                what, value & 0xff, position - 1));
    }

    /** One printed character cell with the print modes in force when it arrived. */
    private record Glyph(int code, boolean emphasized, int widthScale, int heightScale) {
    }
}
