package id.kypso.core.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A Nomor Induk Pegawai of an ASN officer: 18 digits made of the date of birth (yyyyMMdd), the
 * month of appointment (yyyyMM), the sex (1 male, 2 female) and a three-digit sequence number.
 */
public record Nip(String digits) {

    public Nip {
        if (digits == null || !digits.matches("\\d{18}")) {
            throw new IllegalArgumentException("NIP must be 18 digits: " + digits);
        }
        try {
            LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
            YearMonth.of(Integer.parseInt(digits.substring(8, 12)),
                    Integer.parseInt(digits.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("NIP " + digits
                    + " has an invalid date of birth or appointment month", e);
        }
        char sex = digits.charAt(14);
        if (sex != '1' && sex != '2') {
            throw new IllegalArgumentException("NIP " + digits
                    + " has sex digit " + sex + ", expected 1 or 2");
        }
    }

    public static Nip parse(String text) {
        return new Nip(text == null ? null : text.strip().replace(" ", ""));
    }

    /** Returns the NIP as the unsigned 64-bit number that payloads carry. */
    public long toLong() {
        return Long.parseLong(digits);
    }

    public static Nip fromLong(long value) {
        return new Nip(String.format("%018d", value));
    }

    @Override
    public String toString() {
        return digits;
    }
}
