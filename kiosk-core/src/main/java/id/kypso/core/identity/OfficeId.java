package id.kypso.core.identity;

/**
 * A Disdukcapil office: the four-digit Kemendagri code of its kabupaten/kota (for example 3273,
 * Kota Bandung) and an office number within it, written {@code 3273-01}.
 */
public record OfficeId(int regionCode, int officeNumber) implements Comparable<OfficeId> {

    public OfficeId {
        if (regionCode < 1101 || regionCode > 9999) {
            throw new IllegalArgumentException("kabupaten/kota code must be 4 digits from 1101: "
                    + regionCode);
        }
        if (officeNumber < 1 || officeNumber > 99) {
            throw new IllegalArgumentException("office number must be 1-99: " + officeNumber);
        }
    }

    public static OfficeId parse(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException("office id must look like 3273-01: " + text);
        }
        return new OfficeId(Integer.parseInt(text.substring(0, 4)),
                Integer.parseInt(text.substring(5)));
    }

    /** Returns the kabupaten/kota code as text, the key of public pages. */
    public String region() {
        return String.valueOf(regionCode);
    }

    @Override
    public int compareTo(OfficeId other) {
        int byRegion = Integer.compare(regionCode, other.regionCode);
        return byRegion != 0 ? byRegion : Integer.compare(officeNumber, other.officeNumber);
    }

    @Override
    public String toString() {
        return String.format("%04d-%02d", regionCode, officeNumber);
    }
}
