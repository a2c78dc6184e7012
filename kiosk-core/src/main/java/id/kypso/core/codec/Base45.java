package id.kypso.core.codec;

import java.io.ByteArrayOutputStream;

/**
 * Base45 (RFC 9285): binary to the 45 characters of the QR code alphanumeric mode, so a payload
 * is encoded at 5.5 bits per character instead of 8 in byte mode.
 *
 * <p>Written here because it is 60 lines and no maintained Java library on Maven Central offers
 * it without a large dependency tree.
 */
public final class Base45 {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base45() {
    }

    public static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length + 1) / 2 * 3);
        int i = 0;
        for (; i + 1 < data.length; i += 2) {
            int value = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
            out.append(ALPHABET.charAt(value % 45));
            out.append(ALPHABET.charAt(value / 45 % 45));
            out.append(ALPHABET.charAt(value / 2025));
        }
        if (i < data.length) {
            int value = data[i] & 0xff;
            out.append(ALPHABET.charAt(value % 45));
            out.append(ALPHABET.charAt(value / 45));
        }
        return out.toString();
    }

    /** Decodes Base45 text; throws {@link IllegalArgumentException} naming the bad position. */
    public static byte[] decode(String text) {
        if (text.length() % 3 == 1) {
            throw new IllegalArgumentException("Base45 length " + text.length()
                    + " is not valid: a group has 2 or 3 characters");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 / 3);
        for (int i = 0; i < text.length(); i += 3) {
            int c = value(text, i);
            int d = value(text, i + 1);
            if (i + 2 < text.length()) {
                int e = value(text, i + 2);
                int n = c + d * 45 + e * 2025;
                if (n > 0xffff) {
                    throw new IllegalArgumentException("Base45 group at " + i + " is out of range");
                }
                out.write(n >> 8);
                out.write(n & 0xff);
            } else {
                int n = c + d * 45;
                if (n > 0xff) {
                    throw new IllegalArgumentException("Base45 group at " + i + " is out of range");
                }
                out.write(n);
            }
        }
        return out.toByteArray();
    }

    private static int value(String text, int index) {
        char c = text.charAt(index);
        int value = c < 128 ? VALUES[c] : -1;
        if (value < 0) {
            throw new IllegalArgumentException("character '" + c + "' at " + index
                    + " is not in the Base45 alphabet");
        }
        return value;
    }
}
