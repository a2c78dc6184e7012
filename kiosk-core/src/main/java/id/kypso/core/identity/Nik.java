package id.kypso.core.identity;

import java.util.Objects;

/**
 * A Nomor Induk Kependudukan: 16 digits, of which the first six name the province, kabupaten/kota
 * and kecamatan, the next six the date of birth (day plus 40 for women), and the last four a
 * sequence number.
 *
 * <p>{@link #toString()} returns the masked form so that a NIK cannot reach a log by accident.
 */
public final class Nik {
    private final String digits;

    private Nik(String digits) {
        this.digits = digits;
    }

    /** Parses a NIK, rejecting anything but 16 digits with a plausible date of birth. */
    public static Nik parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (!trimmed.matches("\\d{16}")) {
            throw new IllegalArgumentException("NIK must be 16 digits, got " + trimmed.length()
                    + " characters");
        }
        int day = Integer.parseInt(trimmed.substring(6, 8));
        int month = Integer.parseInt(trimmed.substring(8, 10));
        boolean dayValid = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
        if (!dayValid || month < 1 || month > 12) {
            throw new IllegalArgumentException("NIK date of birth digits are invalid: "
                    + mask(trimmed));
        }
        return new Nik(trimmed);
    }

    /** Returns the 16 digits; callers must not log or store them. */
    public String digits() {
        return digits;
    }

    /** Returns the first four and last four digits; the rest are replaced by asterisks. */
    public String masked() {
        return mask(digits);
    }

    static String mask(String sixteenDigits) {
        return sixteenDigits.substring(0, 4) + "********" + sixteenDigits.substring(12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Nik nik && nik.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
