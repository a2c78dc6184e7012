package id.kypso.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {
    private static final long MS = 1_000_000L;

    private final LineAssembler assembler = new LineAssembler(ScanFraming.plain(), 500 * MS);
    private final List<ScanFraming.Outcome> outcomes = new ArrayList<>();

    private void feed(String text, long atMillis) {
        outcomes.addAll(assembler.accept(text.getBytes(StandardCharsets.UTF_8), atMillis * MS));
    }

    private List<String> codes() {
        return outcomes.stream()
                .filter(ScanFraming.Outcome.Accepted.class::isInstance)
                .map(outcome -> ((ScanFraming.Outcome.Accepted) outcome).code())
                .toList();
    }

    private List<ScanRejection> rejections() {
        return outcomes.stream()
                .filter(ScanFraming.Outcome.Rejected.class::isInstance)
                .map(outcome -> ((ScanFraming.Outcome.Rejected) outcome).reason())
                .toList();
    }

    @Test
    void pieces_areJoinedAtTheTerminator() {
        feed("KS1:AB", 0);
        feed("CD", 5);
        feed("EF\r", 9);

        assertThat(codes()).containsExactly("KS1:ABCDEF");
    }

    @Test
    void everyTerminatorStyle_endsOneScan() {
        feed("ONE\rTWO\nTHREE\r\nFOUR\r", 0);
        feed("\nFIVE\n", 1);

        assertThat(codes()).containsExactly("ONE", "TWO", "THREE", "FOUR", "FIVE");
        assertThat(rejections()).isEmpty();
    }

    @Test
    void blankLines_areIgnored() {
        feed("\r\n\r\n\n\rA1\r\r", 0);

        assertThat(codes()).containsExactly("A1");
        assertThat(rejections()).isEmpty();
    }

    @Test
    void staleFragment_isRejectedBeforeTheNextScan() {
        feed("KS1:ABC", 0);
        feed("KT1:XYZ\r", 2_000);

        assertThat(rejections()).containsExactly(ScanRejection.PARTIAL);
        assertThat(codes()).containsExactly("KT1:XYZ");
    }

    @Test
    void fragmentExpires_withoutNewData() {
        feed("KS1:ABC", 0);

        assertThat(assembler.expire(400 * MS)).isEmpty();
        assertThat(assembler.expire(600 * MS)).get()
                .isEqualTo(new ScanFraming.Outcome.Rejected(ScanRejection.PARTIAL,
                        "serial scan of 7 bytes stopped without a terminator"));
    }

    @Test
    void invalidUtf8_isGarbled() {
        outcomes.addAll(assembler.accept(new byte[] {'K', (byte) 0xc3, '(', '\r'}, 0));

        assertThat(rejections()).containsExactly(ScanRejection.GARBLED);
    }

    @Test
    void utf8Text_isDecoded() {
        LineAssembler wide = new LineAssembler(new ScanFraming("", "", 100,
                java.util.regex.Pattern.compile("\\P{Cntrl}+")), 500 * MS);

        List<ScanFraming.Outcome> result = wide.accept(
                "José Peñalosa\r".getBytes(StandardCharsets.UTF_8), 0);

        assertThat(result).containsExactly(new ScanFraming.Outcome.Accepted("José Peñalosa"));
    }

    @Test
    void overlongLine_isRejectedOnceThenScanningResumes() {
        LineAssembler small = new LineAssembler(new ScanFraming("", "", 4,
                ScanFraming.PRINTABLE_ASCII), 500 * MS);

        outcomes.addAll(small.accept("ABCDEFGHIJKLMNOPQRSTUVWXYZ\rOK1\r".getBytes(
                StandardCharsets.US_ASCII), 0));

        assertThat(rejections()).containsExactly(ScanRejection.TOO_LONG);
        assertThat(codes()).containsExactly("OK1");
    }

    @Test
    void controlBytesInsideAScan_areGarbled() {
        feed("KS1:\u0002AB\u0003\r", 0);

        assertThat(rejections()).containsExactly(ScanRejection.GARBLED);
    }

    @Test
    void reset_rejectsTheUnfinishedScanOnce() {
        feed("KS1:ABC", 0);

        assertThat(assembler.reset()).get().extracting(outcome ->
                ((ScanFraming.Outcome.Rejected) outcome).reason())
                .isEqualTo(ScanRejection.PARTIAL);
        assertThat(assembler.reset()).isEmpty();
    }
}
