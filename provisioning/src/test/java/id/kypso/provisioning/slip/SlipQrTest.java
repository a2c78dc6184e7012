package id.kypso.provisioning.slip;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.qr.QrCodes;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SlipQrTest {
    /** A signed slip text whose default QR drawing ZXing's detector does not find. */
    static final String UNFOUND_BY_DEFAULT = "KS1:ESSP042+R*6VFJ49XF0UQ+.7X6RGPGRJ81A80H5SIV$"
            + " P6RK3NNMTKYEAEOQQ7VUCGFLJT1Q*.M5FT MO:5B1$SKZQ%H412S/ELD2NNDQJN2$0L98J7IB:CWY"
            + "846A6WJDRHC29EE-GW%VCWM29IXRMHME-DJDO3-7HBO9HE3H*CTN3NP8KLA-23ZND";

    @Test
    void defaultDrawing_isNotFoundForThisText() {
        assertThat(QrCodes.read(QrCodes.draw(UNFOUND_BY_DEFAULT, 8))).isEmpty();
    }

    @Test
    void slipQr_isReadableForThisText() {
        BufferedImage image = SlipQr.draw(UNFOUND_BY_DEFAULT, 8);

        assertThat(QrCodes.read(image)).contains(UNFOUND_BY_DEFAULT);
        assertThat(image.getWidth()).isEqualTo(SlipQr.modules(UNFOUND_BY_DEFAULT) * 8);
    }

    @Test
    void readableText_keepsTheDefaultDrawing() {
        String text = "KS1:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

        BufferedImage image = SlipQr.draw(text, 4);
        BufferedImage expected = QrCodes.draw(text, 4);

        assertThat(image.getWidth()).isEqualTo(expected.getWidth());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(image.getRGB(x, y)).isEqualTo(expected.getRGB(x, y));
            }
        }
    }
}
