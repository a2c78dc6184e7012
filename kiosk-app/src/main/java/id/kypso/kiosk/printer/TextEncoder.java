package id.kypso.kiosk.printer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;

/**
 * Turns text into bytes of one printer code page. A character the page lacks is transliterated
 * (its accents removed, or a fixed ASCII stand-in such as {@code ß} to {@code ss}); one with no
 * stand-in prints as {@code ?}, so no byte ever selects a wrong glyph.
 */
final class TextEncoder {
    private final CharsetEncoder encoder;

    TextEncoder(CodePage page) {
        this.encoder = page.charset().newEncoder();
    }

    byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        text.codePoints().forEach(codePoint -> {
            String character = Character.toString(codePoint);
            if (isPrintable(codePoint) && encoder.canEncode(character)) {
                out.writeBytes(character.getBytes(encoder.charset()));
                return;
            }
            String fallback = transliterate(codePoint);
            if (fallback.isEmpty() || !encoder.canEncode(fallback)) {
                fallback = "?";
            }
            out.writeBytes(fallback.getBytes(encoder.charset()));
        });
        return out.toByteArray();
    }

    /** Returns an ASCII stand-in for {@code codePoint}, or "" when there is none. */
    static String transliterate(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return " ";
        }
        String special = switch (codePoint) {
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'Æ' -> "AE";
            case 'ø' -> "o";
            case 'Ø' -> "O";
            case 'đ' -> "d";
            case 'Đ' -> "D";
            case 'ł' -> "l";
            case 'Ł' -> "L";
            case 'œ' -> "oe";
            case 'Œ' -> "OE";
            case '‘', '’', '′' -> "'";
            case '“', '”', '″' -> "\"";
            case '–', '—' -> "-";
            case '€' -> "EUR";
            default -> null;
        };
        if (special != null) {
            return special;
        }
        String decomposed = Normalizer.normalize(Character.toString(codePoint),
                Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder();
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .filter(c -> c < 0x80)
                .forEach(stripped::appendCodePoint);
        return stripped.toString();
    }

    private static boolean isPrintable(int codePoint) {
        return !Character.isISOControl(codePoint);
    }
}
