package id.kypso.aggregator.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.aggregator.report.RaporService.Figures;
import id.kypso.aggregator.report.RaporService.Sums;
import id.kypso.core.score.SkmBand;
import id.kypso.core.survey.SkmElement;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The SKM conversion checked against sums worked out by hand. Index = 25 x (sum of the nine
 * element means) / 9, rounded half up to two decimals only at the end.
 */
class SkmArithmeticTest {
    private final RaporService service = new RaporService(null, null, null,
            ZoneId.of("Asia/Jakarta"), 30);

    private static Sums allElements(long sum, long count, long responses) {
        Sums sums = new Sums();
        for (SkmElement element : SkmElement.values()) {
            sums.add("E:" + element.name(), sum, count);
        }
        sums.responses = responses;
        return sums;
    }

    @Test
    void index8830_isBandB() {
        // Every element: 3532 / 1000 = 3.532; 25 x 3.532 = 88.300 -> 88.30, band B (76.61-88.30).
        Figures figures = service.figures(allElements(3532, 1000, 1000));

        assertThat(figures.index()).isEqualByComparingTo("88.30");
        assertThat(figures.band()).isEqualTo(SkmBand.B);
    }

    @Test
    void index8831_isBandA() {
        // Every element: 35324 / 10000 = 3.5324; 25 x 3.5324 = 88.310 -> 88.31, band A.
        Figures figures = service.figures(allElements(35324, 10000, 10000));

        assertThat(figures.index()).isEqualByComparingTo("88.31");
        assertThat(figures.band()).isEqualTo(SkmBand.A);
    }

    @Test
    void index88305_roundsHalfUpToBandA() {
        // Every element: 35322 / 10000 = 3.5322; 25 x 3.5322 = 88.305 -> half up -> 88.31, A.
        Figures figures = service.figures(allElements(35322, 10000, 10000));

        assertThat(figures.index()).isEqualByComparingTo("88.31");
        assertThat(figures.band()).isEqualTo(SkmBand.A);
    }

    @Test
    void edgesOfBandsCAndD() {
        // 2600 / 1000 = 2.6 -> 65.00 (C starts); 2599 / 1000 = 2.599 -> 64.975 -> 64.98 (D).
        assertThat(service.figures(allElements(2600, 1000, 1000)).band()).isEqualTo(SkmBand.C);
        Figures belowC = service.figures(allElements(2599, 1000, 1000));
        assertThat(belowC.index()).isEqualByComparingTo("64.98");
        assertThat(belowC.band()).isEqualTo(SkmBand.D);
        // 30644 / 10000 = 3.0644 -> 76.61 (B starts); 30643 / 10000 -> 76.6075 -> 76.61 too;
        // 30642 / 10000 -> 76.605 -> 76.61; 30641 / 10000 -> 76.6025 -> 76.60 (C).
        assertThat(service.figures(allElements(30644, 10000, 10000)).band())
                .isEqualTo(SkmBand.B);
        assertThat(service.figures(allElements(30642, 10000, 10000)).index())
                .isEqualByComparingTo("76.61");
        Figures topOfC = service.figures(allElements(30641, 10000, 10000));
        assertThat(topOfC.index()).isEqualByComparingTo("76.60");
        assertThat(topOfC.band()).isEqualTo(SkmBand.C);
    }

    @Test
    void elementsWithUnequalCounts_useWeightsOfExactlyOneNinth() {
        // U1 three answers of 1: mean 1. U2-U9 one answer of 4 each: mean 4.
        // Sum of means = 1 + 32 = 33; index = 25 x 33 / 9 = 91.666.. -> 91.67. Pooling the
        // 11 answers instead would give 25 x 35 / 11 = 79.55, so each element weighs 1/9
        // however often it was answered.
        Sums sums = new Sums();
        sums.add("E:PERSYARATAN", 3, 3);
        for (SkmElement element : SkmElement.values()) {
            if (element != SkmElement.PERSYARATAN) {
                sums.add("E:" + element.name(), 4, 1);
            }
        }
        sums.responses = 30;

        Figures figures = service.figures(sums);

        assertThat(figures.index()).isEqualByComparingTo("91.67");
        assertThat(figures.elements().get(0).mean()).isEqualByComparingTo("1.0000");
    }

    @Test
    void meansAreNotRoundedBeforeTheIndex() {
        // U1-U3 each answered 1, 2, 2: mean 5/3 = 1.6666..; U4-U9 each one answer of 4.
        // Sum of means = 5 + 24 = 29; index = 25 x 29 / 9 = 80.555.. -> 80.56. Rounding each
        // mean to 2 decimals first (1.67) would give 25 x 29.01 / 9 = 80.58.
        Sums sums = new Sums();
        for (SkmElement element : SkmElement.values()) {
            if (element.ordinal() < 3) {
                sums.add("E:" + element.name(), 5, 3);
            } else {
                sums.add("E:" + element.name(), 4, 1);
            }
        }
        sums.responses = 30;

        assertThat(service.figures(sums).index()).isEqualByComparingTo("80.56");
    }

    @Test
    void belowMinimum_withholdsEveryIndexButKeepsCounts() {
        Figures figures = service.figures(allElements(87, 29, 29));

        assertThat(figures.enough()).isFalse();
        assertThat(figures.index()).isNull();
        assertThat(figures.band()).isNull();
        assertThat(figures.elements()).allSatisfy(element -> {
            assertThat(element.index()).isNull();
            assertThat(element.mean()).isNull();
            assertThat(element.answers()).isEqualTo(29);
        });
    }

    @Test
    void atMinimum_showsIndex() {
        // 87 / 29 = 3 -> 75.00, band C.
        Figures figures = service.figures(allElements(87, 29, 30));

        assertThat(figures.index()).isEqualTo(new BigDecimal("75.00"));
        assertThat(figures.band()).isEqualTo(SkmBand.C);
    }
}
