package id.kypso.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyboardWedgeTest {
    private static final long MS = 1_000_000L;
    private static final String SLIP = "KS1:6BFOXN*TCCBBU5C2";

    private final List<String> scans = new ArrayList<>();
    private final List<String> typed = new ArrayList<>();
    private final List<ScanRejection> rejections = new ArrayList<>();
    private long clock;

    @BeforeEach
    void startClock() {
        clock = 1_000 * MS;
    }

    private KeyboardWedge wedge(ScanFraming framing) {
        return new KeyboardWedge(framing, KeyboardWedge.DEFAULT_MAX_GAP,
                KeyboardWedge.DEFAULT_MIN_SCAN_LENGTH, scans::add, typed::add,
                (reason, detail) -> rejections.add(reason));
    }

    /** Types {@code text} with {@code gapMillis} between keys, on the fake clock. */
    private void type(KeyboardWedge wedge, String text, long gapMillis) {
        for (char c : text.toCharArray()) {
            clock += gapMillis * MS;
            wedge.keyTyped(c, clock);
        }
    }

    @Test
    void scannerBurst_isOneScan() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, SLIP + "\r", 8);

        assertThat(scans).containsExactly(SLIP);
        assertThat(typed).isEmpty();
        assertThat(rejections).isEmpty();
    }

    @Test
    void crLfTerminator_givesOneScanAndNoTyping() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, SLIP + "\r\n", 8);
        clock += 2_000 * MS;
        wedge.keyTyped('\n', clock);

        assertThat(scans).containsExactly(SLIP);
        assertThat(typed).containsExactly("\n");
    }

    @Test
    void slowTyping_isPassedBackAsTyping() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, "REG-12\n", 180);

        assertThat(scans).isEmpty();
        assertThat(String.join("", typed)).isEqualTo("REG-12\n");
        assertThat(rejections).isEmpty();
    }

    @Test
    void typingThenScan_keepsBothApart() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, "ab", 200);
        clock += 300 * MS;
        type(wedge, SLIP + "\n", 5);

        assertThat(String.join("", typed)).isEqualTo("ab");
        assertThat(scans).containsExactly(SLIP);
    }

    @Test
    void burstWithoutEnter_isPartial() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, SLIP.substring(0, 10), 8);
        wedge.poll(clock + 500 * MS);

        assertThat(scans).isEmpty();
        assertThat(typed).isEmpty();
        assertThat(rejections).containsExactly(ScanRejection.PARTIAL);
    }

    @Test
    void burstInterruptedByAPause_rejectsBothPieces() {
        KeyboardWedge wedge = wedge(ScanFraming.plain().withPrefixAndSuffix("]Q", ""));

        type(wedge, "]Q" + SLIP.substring(0, 8), 8);
        clock += 400 * MS;
        type(wedge, SLIP.substring(8) + "\r", 8);

        assertThat(scans).isEmpty();
        assertThat(rejections).containsExactly(ScanRejection.PARTIAL,
                ScanRejection.MISSING_PREFIX);
    }

    @Test
    void configuredPrefixAndSuffix_areStripped() {
        KeyboardWedge wedge = wedge(ScanFraming.plain().withPrefixAndSuffix("]Q1", "#"));

        type(wedge, "]Q1" + SLIP + "#\r", 6);

        assertThat(scans).containsExactly(SLIP);
    }

    @Test
    void missingSuffix_isRejected() {
        KeyboardWedge wedge = wedge(ScanFraming.plain().withPrefixAndSuffix("]Q1", "#"));

        type(wedge, "]Q1" + SLIP + "\r", 6);

        assertThat(scans).isEmpty();
        assertThat(rejections).containsExactly(ScanRejection.MISSING_SUFFIX);
    }

    @Test
    void garbledBurst_isRejectedNotGuessed() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, "KS1:6BF\u0007XN*\u0000TC\r", 6);

        assertThat(scans).isEmpty();
        assertThat(rejections).containsExactly(ScanRejection.GARBLED);
    }

    @Test
    void overlongBurst_isRejected() {
        ScanFraming framing = new ScanFraming("", "", 16, ScanFraming.PRINTABLE_ASCII);
        KeyboardWedge wedge = wedge(framing);

        type(wedge, SLIP + "\r", 6);

        assertThat(rejections).containsExactly(ScanRejection.TOO_LONG);
    }

    @Test
    void fastShortInput_thenEnter_isTyping() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, "ok\n", 10);

        assertThat(scans).isEmpty();
        assertThat(typed).containsExactly("ok\n");
    }

    @Test
    void twoScansBackToBack_areTwoScans() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, SLIP + "\r", 4);
        type(wedge, "KT1:ABCDEF\r", 4);

        assertThat(scans).containsExactly(SLIP, "KT1:ABCDEF");
    }

    @Test
    void pollBeforeTheGap_keepsWaiting() {
        KeyboardWedge wedge = wedge(ScanFraming.plain());

        type(wedge, SLIP.substring(0, 6), 5);
        wedge.poll(clock + 10 * MS);
        type(wedge, SLIP.substring(6) + "\r", 5);

        assertThat(scans).containsExactly(SLIP);
    }

    @Test
    void keyGap_mustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeyboardWedge(
                ScanFraming.plain(), Duration.ZERO, 4, scans::add, typed::add,
                (reason, detail) -> { }))
                .hasMessageContaining("PT0S");
    }
}
