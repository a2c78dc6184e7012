package id.kypso.kiosk.scan;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.slip.SlipCodec;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Decodes a seeded corpus of damaged slips with {@link FrameDecoder} and, for comparison, with
 * a single plain ZXing pass ({@code QrCodes.read}). A decode counts only when the text is the
 * exact payload and its signature verifies.
 */
final class SlipDecodingRates {

    /** Successes out of {@code total} for one damage kind. */
    record Rate(SlipCorpus.Damage damage, int total, int frameDecoder, int plainZxing,
            long frameDecoderNanos) {
        double frameDecoderMeanMillis() {
            return frameDecoderNanos / 1e6 / total;
        }

        double frameDecoderPercent() {
            return 100.0 * frameDecoder / total;
        }

        double plainZxingPercent() {
            return 100.0 * plainZxing / total;
        }
    }

    private SlipDecodingRates() {
    }

    static Map<SlipCorpus.Damage, Rate> measure(int perKind, long seed) {
        Random random = new Random(seed);
        List<String> texts = SlipCorpus.slipTexts(perKind, random);
        MapKeyRing keys = new MapKeyRing().put(SlipCorpus.OFFICE.toString(), 1,
                SlipCorpus.OFFICE_KEYS.getPublic());
        FrameDecoder decoder = new FrameDecoder();
        Map<SlipCorpus.Damage, Rate> rates = new EnumMap<>(SlipCorpus.Damage.class);
        for (SlipCorpus.Damage damage : SlipCorpus.Damage.values()) {
            int decoded = 0;
            int plain = 0;
            long nanos = 0;
            for (String text : texts) {
                BufferedImage image = damage.apply(SlipCorpus.code(text), random);
                long started = System.nanoTime();
                Optional<String> read = decoder.decode(image);
                nanos += System.nanoTime() - started;
                if (verifies(read, text, keys)) {
                    decoded++;
                }
                if (verifies(QrCodes.read(image), text, keys)) {
                    plain++;
                }
            }
            rates.put(damage, new Rate(damage, texts.size(), decoded, plain, nanos));
        }
        return rates;
    }

    private static boolean verifies(Optional<String> read, String expected, MapKeyRing keys) {
        if (read.isEmpty() || !read.get().equals(expected)) {
            return false;
        }
        try {
            SlipCodec.decode(read.get(), keys);
            return true;
        } catch (PayloadException e) {
            return false;
        }
    }
}
