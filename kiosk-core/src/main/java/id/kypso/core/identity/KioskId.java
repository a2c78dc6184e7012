package id.kypso.core.identity;

/** A kiosk: its office and a kiosk number within it, written {@code 3273-01-K01}. */
public record KioskId(OfficeId office, int number) {

    public KioskId {
        if (office == null) {
            throw new IllegalArgumentException("kiosk office is missing");
        }
        if (number < 1 || number > 255) {
            throw new IllegalArgumentException("kiosk number must be 1-255: " + number);
        }
    }

    public static KioskId parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-K\\d{2,3}")) {
            throw new IllegalArgumentException("kiosk id must look like 3273-01-K01: " + text);
        }
        return new KioskId(OfficeId.parse(text.substring(0, 7)),
                Integer.parseInt(text.substring(9)));
    }

    @Override
    public String toString() {
        return String.format("%s-K%02d", office, number);
    }
}
