package id.kypso.core.score;

import java.math.BigDecimal;

/**
 * The quality bands of an SKM index (PermenPANRB 14/2017), with the lowest index of each at two
 * decimals: A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
 */
public enum SkmBand {
    A("88.31"),
    B("76.61"),
    C("65.00"),
    D("25.00");

    private final BigDecimal lowest;

    SkmBand(String lowest) {
        this.lowest = new BigDecimal(lowest);
    }

    /** Returns the band of an index already rounded to two decimals. */
    public static SkmBand of(BigDecimal index) {
        if (index.scale() > 2) {
            throw new IllegalArgumentException("band needs an index rounded to 2 decimals: "
                    + index);
        }
        if (index.compareTo(BigDecimal.valueOf(25)) < 0
                || index.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("SKM index must be 25-100: " + index);
        }
        for (SkmBand band : values()) {
            if (index.compareTo(band.lowest) >= 0) {
                return band;
            }
        }
        throw new AssertionError("unreachable: D starts at 25.00");
    }

    public BigDecimal lowest() {
        return lowest;
    }
}
