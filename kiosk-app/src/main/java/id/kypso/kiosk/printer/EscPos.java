package id.kypso.kiosk.printer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds an ESC/POS byte stream from the command subset the kiosk uses. Command layouts follow
 * the Epson ESC/POS command reference; {@link EscPosRenderer} reads the same subset back.
 */
final class EscPos {
    static final int ESC = 0x1b;
    static final int GS = 0x1d;
    static final int DLE = 0x10;
    static final int EOT = 0x04;
    static final int LF = 0x0a;

    /** QR error correction levels as {@code GS ( k} function 169 numbers them. */
    static final int QR_LEVEL_L = 48;
    static final int QR_LEVEL_M = 49;
    static final int QR_LEVEL_Q = 50;
    static final int QR_LEVEL_H = 51;

    /** Largest data block that one {@code GS ( k} store command carries: pL + pH * 256 - 3. */
    static final int QR_MAX_DATA = 7089;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);

    /** ESC @: clears the print buffer and resets modes to the power-on defaults. */
    EscPos initialize() {
        return bytes(ESC, '@');
    }

    /** ESC t n: selects the character code table that text bytes index. */
    EscPos codeTable(int table) {
        return bytes(ESC, 't', table);
    }

    /** ESC a n: 0 left, 1 centre, 2 right; applies from the start of the next line. */
    EscPos align(Alignment alignment) {
        return bytes(ESC, 'a', alignment.ordinal());
    }

    /** ESC E n: emphasized (bold) on or off. */
    EscPos emphasis(boolean on) {
        return bytes(ESC, 'E', on ? 1 : 0);
    }

    /** GS ! n: character width and height multipliers, each 1-8. */
    EscPos size(int width, int height) {
        if (width < 1 || width > 8 || height < 1 || height > 8) {
            throw new IllegalArgumentException("character size must be 1-8 by 1-8, got "
                    + width + "x" + height);
        }
        return bytes(GS, '!', ((width - 1) << 4) | (height - 1));
    }

    /** Appends already encoded text bytes without a line feed. */
    EscPos text(byte[] encoded) {
        out.writeBytes(encoded);
        return this;
    }

    EscPos lineFeed() {
        return bytes(LF);
    }

    /** ESC d n: prints the buffer and feeds {@code lines} lines. */
    EscPos feedLines(int lines) {
        return bytes(ESC, 'd', lines);
    }

    /**
     * Stores {@code data} in the printer's QR symbol buffer and prints it: GS ( k functions 165
     * (model 2), 167 (module size in dots), 169 (error correction), 180 (store), 181 (print).
     */
    EscPos qrCode(String data, int moduleSize, int errorCorrection) {
        byte[] payload = data.getBytes(StandardCharsets.UTF_8);
        if (payload.length == 0 || payload.length > QR_MAX_DATA) {
            throw new IllegalArgumentException("QR data must be 1-" + QR_MAX_DATA
                    + " bytes, got " + payload.length);
        }
        if (moduleSize < 1 || moduleSize > 16) {
            throw new IllegalArgumentException("QR module size must be 1-16 dots: "
                    + moduleSize);
        }
        bytes(GS, '(', 'k', 4, 0, 49, 65, 50, 0);
        bytes(GS, '(', 'k', 3, 0, 49, 67, moduleSize);
        bytes(GS, '(', 'k', 3, 0, 49, 69, errorCorrection);
        int length = payload.length + 3;
        bytes(GS, '(', 'k', length & 0xff, length >> 8, 49, 80, 48);
        out.writeBytes(payload);
        return bytes(GS, '(', 'k', 3, 0, 49, 81, 48);
    }

    /**
     * GS v 0: prints {@code image} as a raster bit image at normal density. A pixel darker than
     * mid-grey prints as a dot.
     */
    EscPos rasterImage(BufferedImage image) {
        int widthBytes = (image.getWidth() + 7) / 8;
        int height = image.getHeight();
        if (widthBytes > 0xffff || height > 0xffff) {
            throw new IllegalArgumentException("raster image too large: " + image.getWidth()
                    + "x" + height);
        }
        bytes(GS, 'v', '0', 0, widthBytes & 0xff, widthBytes >> 8, height & 0xff, height >> 8);
        for (int y = 0; y < height; y++) {
            for (int xByte = 0; xByte < widthBytes; xByte++) {
                int packed = 0;
                for (int bit = 0; bit < 8; bit++) {
                    int x = xByte * 8 + bit;
                    if (x < image.getWidth() && isDark(image.getRGB(x, y))) {
                        packed |= 0x80 >> bit;
                    }
                }
                out.write(packed);
            }
        }
        return this;
    }

    /** GS V 66 n: feeds to the cutter plus {@code feed} motion units, then cuts partially. */
    EscPos cut(int feed) {
        return bytes(GS, 'V', 66, feed);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Returns the real-time status request DLE EOT n for status type n (1-4). */
    static byte[] statusRequest(int type) {
        if (type < 1 || type > 4) {
            throw new IllegalArgumentException("DLE EOT status type must be 1-4: " + type);
        }
        return new byte[] {DLE, EOT, (byte) type};
    }

    private static boolean isDark(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (r * 299 + g * 587 + b * 114) / 1000 < 128;
    }

    private EscPos bytes(int... values) {
        for (int value : values) {
            out.write(value);
        }
        return this;
    }

    /** Text justification in the order ESC a numbers it. */
    enum Alignment {
        LEFT, CENTER, RIGHT
    }
}
