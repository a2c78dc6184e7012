package id.kypso.kiosk.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
    private final FrameDecoder decoder = new FrameDecoder();
    private final String slip = SlipCorpus.slipTexts(1, new Random(7)).get(0);

    @Test
    void cleanSlip_decodesOnTheFirstAttempt() {
        BufferedImage page = SlipCorpus.onPage(SlipCorpus.code(slip));

        assertThat(decoder.decodeWithAttempt(page))
                .contains(new FrameDecoder.Decoded(slip, "hybrid"));
    }

    @Test
    void invertedSlip_decodes() {
        assertThat(decoder.decode(SlipCorpus.invert(SlipCorpus.onPage(SlipCorpus.code(slip)))))
                .contains(slip);
    }

    @Test
    void mirroredSlip_decodes() {
        assertThat(decoder.decode(SlipCorpus.mirror(SlipCorpus.onPage(SlipCorpus.code(slip)))))
                .contains(slip);
    }

    @Test
    void slipWithoutQuietZone_decodes() {
        assertThat(decoder.decode(SlipCorpus.cropQuietZone(SlipCorpus.code(slip))))
                .contains(slip);
    }

    @Test
    void invertedSlipWithoutQuietZone_decodes() {
        assertThat(decoder.decode(SlipCorpus.invert(SlipCorpus.cropQuietZone(
                SlipCorpus.code(slip))))).contains(slip);
    }

    @Test
    void croppedSlipOnDarkBackground_decodes() {
        BufferedImage frame = SlipCorpus.onBackground(SlipCorpus.cropQuietZone(
                SlipCorpus.code(slip)), 60);

        assertThat(decoder.decode(frame)).contains(slip);
    }

    @Test
    void lowContrastSlip_decodes() {
        assertThat(decoder.decode(SlipCorpus.lowContrast(SlipCorpus.onPage(
                SlipCorpus.code(slip)), 24))).contains(slip);
    }

    @Test
    void rotatedSlip_decodes() {
        assertThat(decoder.decode(SlipCorpus.rotate(SlipCorpus.onPage(SlipCorpus.code(slip)),
                33))).contains(slip);
    }

    @Test
    void blankFrame_decodesToNothing() {
        BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);

        assertThat(decoder.decode(blank)).isEmpty();
    }

    @Test
    void utf8ContentWithEci_keepsItsCharacters() throws Exception {
        String text = "Pelayanan ramah – José Peñalosa, Müller 名前";
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(EncodeHintType.MARGIN, 4);
        BufferedImage image = MatrixToImageWriter.toBufferedImage(new QRCodeWriter()
                .encode(text, BarcodeFormat.QR_CODE, 300, 300, hints));

        assertThat(decoder.decode(image)).contains(text);
    }

    @Test
    void damagedCorpus_decodesAtLeastTheExpectedRates() {
        Map<SlipCorpus.Damage, SlipDecodingRates.Rate> rates =
                SlipDecodingRates.measure(12, 20261204L);

        rates.values().forEach(rate -> System.out.printf("%-22s %3d/%d (plain ZXing %d)%n",
                rate.damage(), rate.frameDecoder(), rate.total(), rate.plainZxing()));
        for (SlipDecodingRates.Rate rate : rates.values()) {
            assertThat(rate.frameDecoder()).as("FrameDecoder on %s", rate.damage())
                    .isGreaterThanOrEqualTo(rate.plainZxing());
        }
        assertThat(rates.get(SlipCorpus.Damage.CLEAN).frameDecoder()).isEqualTo(12);
        assertThat(rates.get(SlipCorpus.Damage.INVERTED).frameDecoder()).isEqualTo(12);
        assertThat(rates.get(SlipCorpus.Damage.MIRRORED).frameDecoder()).isEqualTo(12);
        assertThat(rates.get(SlipCorpus.Damage.NO_QUIET_ZONE).frameDecoder()).isEqualTo(12);
        assertThat(rates.get(SlipCorpus.Damage.ROTATED).frameDecoder()).isEqualTo(12);
        assertThat(rates.get(SlipCorpus.Damage.NO_QUIET_ZONE_DARK_BACKGROUND).frameDecoder())
                .isGreaterThanOrEqualTo(9);
    }
}
