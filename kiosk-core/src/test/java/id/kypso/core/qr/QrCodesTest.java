package id.kypso.core.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void drawnCode_readsBack() {
        String text = "KT1:" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".repeat(4);

        assertThat(QrCodes.read(QrCodes.draw(text, 4))).contains(text);
    }

    /** A signed slip text whose drawing by ZXing's encoder alone the detector does not find. */
    static final String UNFOUND_BY_DEFAULT = "KS1:ESSP042+R*6VFJ49XF0UQ+.7X6RGPGRJ81A80H5SIV$"
            + " P6RK3NNMTKYEAEOQQ7VUCGFLJT1Q*.M5FT MO:5B1$SKZQ%H412S/ELD2NNDQJN2$0L98J7IB:CWY"
            + "846A6WJDRHC29EE-GW%VCWM29IXRMHME-DJDO3-7HBO9HE3H*CTN3NP8KLA-23ZND";

    @Test
    void codeTheDetectorMissesAsEncoded_isDrawnWithAnotherMask() {
        BufferedImage image = QrCodes.draw(UNFOUND_BY_DEFAULT, 8);

        assertThat(QrCodes.detect(image)).contains(UNFOUND_BY_DEFAULT);
        assertThat(image.getWidth()).isEqualTo(QrCodes.moduleCount(UNFOUND_BY_DEFAULT) * 8);
    }

    @Test
    void everyCleanlyDrawnCode_isFoundByTheDetector() {
        // About one in a hundred of the encoder's own drawings is missed by the detector.
        Random random = new Random(20261204);
        for (int moduleSize = 3; moduleSize <= 8; moduleSize++) {
            for (int i = 0; i < 60; i++) {
                byte[] token = new byte[24];
                random.nextBytes(token);
                String text = "KYPSO-ENROLL:http://127.0.0.1:" + (30000 + random.nextInt(30000))
                        + "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(token);

                assertThat(QrCodes.detect(QrCodes.draw(text, moduleSize)))
                        .as("%s at %d pixels per module", text, moduleSize).contains(text);
            }
        }
    }

    @Test
    void renderedTicketMissedAtFullSize_isReadFromHalfSize() throws IOException {
        // A ticket rendered from ESC/POS bytes at 5 dots per module, which ZXing's detector
        // missed at full size.
        BufferedImage ticket;
        try (InputStream in = getClass().getResourceAsStream("rendered-ticket.png")) {
            ticket = ImageIO.read(in);
        }

        assertThat(QrCodes.read(ticket)).hasValueSatisfying(text ->
                assertThat(text).startsWith("KT1:"));
    }

    @Test
    void invertedCode_readsBack() {
        String text = "KS1:INVERTED";
        BufferedImage image = QrCodes.draw(text, 4);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, ~image.getRGB(x, y) | 0xff000000);
            }
        }

        assertThat(QrCodes.read(image)).contains(text);
    }

    @Test
    void imageWithoutCode_readsNothing() {
        assertThat(QrCodes.read(new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB)))
                .isEmpty();
    }
}
