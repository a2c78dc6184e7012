package id.kypso.core.score;

import id.kypso.core.survey.SkmElement;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Accumulates 1-4 answers per SKM element and turns them into the SKM index: the mean of each
 * element, averaged over the elements with equal weight (exactly 1/9 when all nine are present),
 * times 25.
 *
 * <p>The arithmetic is exact up to the final rounding: sums are integers, means are kept at 34
 * significant digits, and only the index is rounded, half up, to two decimals. Rounding the
 * element means first, as some spreadsheets do, can move an index across a band edge.
 */
public final class SkmTally {
    private static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal CONVERSION = BigDecimal.valueOf(25);

    private final Map<SkmElement, long[]> sums = new EnumMap<>(SkmElement.class);
    private long responses;

    /** Adds one answer; {@code value} must be on the 1-4 scale. */
    public SkmTally add(SkmElement element, int value) {
        if (value < 1 || value > 4) {
            throw new IllegalArgumentException("SKM answer must be 1-4: " + value);
        }
        long[] sumAndCount = sums.computeIfAbsent(element, key -> new long[2]);
        sumAndCount[0] += value;
        sumAndCount[1]++;
        return this;
    }

    /** Adds a sum and count computed elsewhere, such as by a database query. */
    public SkmTally addAll(SkmElement element, long sum, long count) {
        if (count < 0 || sum < count || sum > 4 * count) {
            throw new IllegalArgumentException("sum " + sum + " of " + count
                    + " answers is outside the 1-4 scale");
        }
        long[] sumAndCount = sums.computeIfAbsent(element, key -> new long[2]);
        sumAndCount[0] += sum;
        sumAndCount[1] += count;
        return this;
    }

    /** Counts one response (one citizen rating one officer), the figure shown with a score. */
    public SkmTally countResponse() {
        responses++;
        return this;
    }

    public SkmTally countResponses(long count) {
        responses += count;
        return this;
    }

    public long responses() {
        return responses;
    }

    /** Returns the mean of one element's answers on the 1-4 scale, if it has any. */
    public Optional<BigDecimal> elementMean(SkmElement element) {
        long[] sumAndCount = sums.get(element);
        if (sumAndCount == null || sumAndCount[1] == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(sumAndCount[0])
                .divide(BigDecimal.valueOf(sumAndCount[1]), EXACT));
    }

    /** Returns the index, or empty when no element has an answer. */
    public Optional<SkmScore> score() {
        BigDecimal total = BigDecimal.ZERO;
        int elements = 0;
        for (SkmElement element : SkmElement.values()) {
            Optional<BigDecimal> mean = elementMean(element);
            if (mean.isPresent()) {
                total = total.add(mean.get(), EXACT);
                elements++;
            }
        }
        if (elements == 0) {
            return Optional.empty();
        }
        BigDecimal index = total.multiply(CONVERSION, EXACT)
                .divide(BigDecimal.valueOf(elements), EXACT)
                .setScale(2, RoundingMode.HALF_UP);
        return Optional.of(new SkmScore(index, SkmBand.of(index), responses));
    }

    /** Converts a plain mean on the 1-4 scale, as used per ASN principle, to 25-100. */
    public static SkmScore fromMean(long sum, long count, long responses) {
        if (count <= 0) {
            throw new IllegalArgumentException("a mean needs at least one answer");
        }
        BigDecimal index = BigDecimal.valueOf(sum).multiply(CONVERSION)
                .divide(BigDecimal.valueOf(count), EXACT)
                .setScale(2, RoundingMode.HALF_UP);
        return new SkmScore(index, SkmBand.of(index), responses);
    }
}
