package id.kypso.kiosk.scan;

import java.util.Map;

/**
 * Prints the slip decoding rates per damage kind as Markdown, over a larger corpus than the
 * unit test uses. Run by {@code scripts/bench-devices.sh}; the first argument is the number
 * of slips per damage kind (default 100).
 */
public final class SlipDecodingBenchmark {

    private SlipDecodingBenchmark() {
    }

    public static void main(String[] args) {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        long started = System.nanoTime();
        Map<SlipCorpus.Damage, SlipDecodingRates.Rate> rates =
                SlipDecodingRates.measure(perKind, 20261204L);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        System.out.println("| damage | severity | FrameDecoder | plain ZXing pass"
                + " | FrameDecoder mean time per frame |");
        System.out.println("| --- | --- | ---: | ---: | ---: |");
        for (SlipDecodingRates.Rate rate : rates.values()) {
            System.out.printf("| %s | %s | %.0f%% (%d/%d) | %.0f%% (%d/%d) | %.0f ms |%n",
                    rate.damage().name().toLowerCase().replace('_', ' '),
                    rate.damage().severity(), rate.frameDecoderPercent(), rate.frameDecoder(),
                    rate.total(), rate.plainZxingPercent(), rate.plainZxing(), rate.total(),
                    rate.frameDecoderMeanMillis());
        }
        System.out.println();
        System.out.printf("%d slips per kind, seed 20261204, %d s in total.%n", perKind,
                seconds);
    }
}
