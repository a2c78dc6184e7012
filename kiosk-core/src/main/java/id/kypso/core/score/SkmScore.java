package id.kypso.core.score;

import java.math.BigDecimal;

/**
 * An SKM index with its band and the number of responses it was built on.
 *
 * @param index 25.00-100.00, rounded half up to two decimals
 */
public record SkmScore(BigDecimal index, SkmBand band, long responses) {
}
