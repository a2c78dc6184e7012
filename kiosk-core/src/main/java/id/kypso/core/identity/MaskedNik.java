package id.kypso.core.identity;

/**
 * The part of a NIK that slips and tickets show: its first four digits (province and
 * kabupaten/kota) and its last four (sequence number).
 */
public record MaskedNik(String firstFour, String lastFour) {

    public MaskedNik {
        if (!firstFour.matches("\\d{4}") || !lastFour.matches("\\d{4}")) {
            throw new IllegalArgumentException("masked NIK parts must be 4 digits each");
        }
    }

    public static MaskedNik of(Nik nik) {
        String digits = nik.digits();
        return new MaskedNik(digits.substring(0, 4), digits.substring(12));
    }

    /** Parses the display form {@code 3273********0001}. */
    public static MaskedNik parse(String text) {
        if (!text.matches("\\d{4}\\*{8}\\d{4}")) {
            throw new IllegalArgumentException("masked NIK must look like 3273********0001: "
                    + text);
        }
        return new MaskedNik(text.substring(0, 4), text.substring(12));
    }

    @Override
    public String toString() {
        return firstFour + "********" + lastFour;
    }
}
