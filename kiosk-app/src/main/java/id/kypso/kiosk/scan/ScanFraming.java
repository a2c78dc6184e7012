package id.kypso.kiosk.scan;

import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The framing a scanner puts around each code: an optional prefix and suffix the scanner is
 * programmed to add, the longest scan accepted, and the characters a scan may contain. A scan that breaks
 * any of these is rejected, never trimmed or repaired.
 *
 * @param prefix text the scanner sends before each code; empty for none
 * @param suffix text the scanner sends after each code, before the terminator; empty for none
 * @param maxLength the longest code accepted, prefix and suffix excluded
 * @param content the characters a code may contain, as a regular expression for the whole code
 */
public record ScanFraming(String prefix, String suffix, int maxLength, Pattern content) {
    /** Printable ASCII, which covers the Base45 slip and ticket payloads. */
    public static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]+");

    public ScanFraming {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(suffix, "suffix");
        Objects.requireNonNull(content, "content");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maximum scan length must be positive: "
                    + maxLength);
        }
    }

    /** No prefix or suffix, at most 4096 printable ASCII characters. */
    public static ScanFraming plain() {
        return new ScanFraming("", "", 4096, PRINTABLE_ASCII);
    }

    /**
     * Reads the framing from {@code scanner.prefix} and {@code scanner.suffix} (default none;
     * properties escapes such as {@code \u0002} give control characters) and
     * {@code scanner.maxLength} (default 4096). The content is printable ASCII.
     */
    public static ScanFraming fromProperties(Properties properties) {
        String maxLength = properties.getProperty("scanner.maxLength", "4096").trim();
        try {
            return new ScanFraming(properties.getProperty("scanner.prefix", ""),
                    properties.getProperty("scanner.suffix", ""), Integer.parseInt(maxLength),
                    PRINTABLE_ASCII);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("scanner.maxLength must be a whole number: "
                    + maxLength, e);
        }
    }

    public ScanFraming withPrefixAndSuffix(String newPrefix, String newSuffix) {
        return new ScanFraming(newPrefix, newSuffix, maxLength, content);
    }

    /** Strips the framing from one terminated scan, or rejects it with the reason. */
    Outcome unwrap(String raw) {
        if (!raw.startsWith(prefix)) {
            return new Outcome.Rejected(ScanRejection.MISSING_PREFIX,
                    "scan of " + raw.length() + " characters does not start with the prefix");
        }
        if (!raw.endsWith(suffix) || raw.length() < prefix.length() + suffix.length()) {
            return new Outcome.Rejected(ScanRejection.MISSING_SUFFIX,
                    "scan of " + raw.length() + " characters does not end with the suffix");
        }
        String code = raw.substring(prefix.length(), raw.length() - suffix.length());
        if (code.isEmpty()) {
            return new Outcome.Rejected(ScanRejection.PARTIAL, "scan holds no code");
        }
        if (code.length() > maxLength) {
            return new Outcome.Rejected(ScanRejection.TOO_LONG, "scan of " + code.length()
                    + " characters is longer than the maximum " + maxLength);
        }
        if (!content.matcher(code).matches()) {
            return new Outcome.Rejected(ScanRejection.GARBLED, "scan of " + code.length()
                    + " characters contains characters outside " + content.pattern());
        }
        return new Outcome.Accepted(code);
    }

    /** The result of unwrapping one scan. */
    sealed interface Outcome {
        record Accepted(String code) implements Outcome {
        }

        record Rejected(ScanRejection reason, String detail) implements Outcome {
        }
    }
}
