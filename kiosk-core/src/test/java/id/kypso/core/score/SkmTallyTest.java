package id.kypso.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.core.survey.SkmElement;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkmTallyTest {

    @Test
    void allNineElements_useEqualWeights() {
        // Hand computation: answers per element (U1..U9), each element mean, then
        // (sum of means / 9) * 25.
        //   U1 4,4,3 -> 11/3   U2 3,3,3 -> 3   U3 2,3,4 -> 3   U4 4,4,4 -> 4
        //   U5 3,4,4 -> 11/3   U6 3,3,4 -> 10/3   U7 4,4,4 -> 4   U8 2,2,3 -> 7/3
        //   U9 3,3,3 -> 3
        //   sum of means = 90/3 = 30; 30 / 9 * 25 = 83.333... -> 83.33, band B
        int[][] answers = {{4, 4, 3}, {3, 3, 3}, {2, 3, 4}, {4, 4, 4}, {3, 4, 4}, {3, 3, 4},
            {4, 4, 4}, {2, 2, 3}, {3, 3, 3}};
        SkmTally tally = new SkmTally();
        SkmElement[] elements = SkmElement.values();
        for (int i = 0; i < elements.length; i++) {
            for (int value : answers[i]) {
                tally.add(elements[i], value);
            }
        }
        tally.countResponses(3);

        SkmScore score = tally.score().orElseThrow();

        assertThat(score.index()).isEqualByComparingTo("83.33");
        assertThat(score.band()).isEqualTo(SkmBand.B);
        assertThat(score.responses()).isEqualTo(3);
    }

    @Test
    void elementMeans_areNotRoundedBeforeAveraging() {
        // U1: two answers of 4 and one of 3 -> 11/3 = 3.6666...; U2 all 4 -> 4.
        // Exact: (11/3 + 4) / 2 * 25 = 95.8333 -> 95.83.
        // Rounding U1 to 3.67 first would give 95.875 -> 95.88.
        SkmTally tally = new SkmTally()
                .add(SkmElement.PERSYARATAN, 4).add(SkmElement.PERSYARATAN, 4)
                .add(SkmElement.PERSYARATAN, 3).add(SkmElement.SISTEM_MEKANISME_PROSEDUR, 4);

        assertThat(tally.score().orElseThrow().index()).isEqualByComparingTo("95.83");
    }

    @ParameterizedTest
    @CsvSource({"100.00, A", "88.31, A", "88.30, B", "76.61, B", "76.60, C", "65.00, C",
        "64.99, D", "25.00, D"})
    void bandEdges_followTheRegulation(String index, SkmBand band) {
        assertThat(SkmBand.of(new BigDecimal(index))).isEqualTo(band);
    }

    @Test
    void meanAtBandEdge_roundsHalfUp() {
        // 3.5324 * 25 = 88.31 exactly: sum 35324 over 10000 answers.
        assertThat(SkmTally.fromMean(35_324, 10_000, 1).band()).isEqualTo(SkmBand.A);
        // 3.53198 * 25 = 88.2995 -> 88.30, band B.
        SkmScore justBelow = SkmTally.fromMean(353_198, 100_000, 1);
        assertThat(justBelow.index()).isEqualByComparingTo("88.30");
        assertThat(justBelow.band()).isEqualTo(SkmBand.B);
    }

    @Test
    void emptyTally_hasNoScore() {
        assertThat(new SkmTally().score()).isEmpty();
    }

    @Test
    void answersOffTheScale_areRejected() {
        assertThatThrownBy(() -> new SkmTally().add(SkmElement.BIAYA_TARIF, 5))
                .hasMessageContaining("1-4: 5");
        assertThatThrownBy(() -> new SkmTally().addAll(SkmElement.BIAYA_TARIF, 9, 2))
                .hasMessageContaining("outside the 1-4 scale");
    }
}
