package id.kypso.core.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
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
    void missedDrawing_usesAnotherMask() {
        BufferedImage image = QrCodes.draw(UNFOUND_BY_DEFAULT, 8);

        assertThat(QrCodes.detect(image)).contains(UNFOUND_BY_DEFAULT);
        assertThat(image.getWidth()).isEqualTo(QrCodes.moduleCount(UNFOUND_BY_DEFAULT) * 8);
    }

    @Test
    void drawnCodes_areAllDetected() {
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
    void printerCodesOnPaper_areRead() {
        // ZXing's encoder alone plays the part of a printer's QR command. With only the half-size
        // retry, a few of these tickets were missed.
        Random random = new Random(1);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
        for (int moduleSize = 4; moduleSize <= 6; moduleSize++) {
            for (int i = 0; i < 400; i++) {
                StringBuilder text = new StringBuilder("KT1:");
                for (int k = 0; k < 150; k++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                BufferedImage paper = ticketPaper(text.toString(), moduleSize);

                assertThat(QrCodes.read(paper)).as("%s at %d pixels per module", text,
                        moduleSize).contains(text.toString());
            }
        }
    }

    /** Draws the code as the encoder chooses it, under a line of text on 576-dot paper. */
    private static BufferedImage ticketPaper(String text, int moduleSize) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        BufferedImage code;
        try {
            BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    hints);
            code = MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text,
                    BarcodeFormat.QR_CODE, modules.getWidth() * moduleSize,
                    modules.getHeight() * moduleSize, hints));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        BufferedImage paper = new BufferedImage(576, code.getHeight() + 400,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = paper.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, paper.getWidth(), paper.getHeight());
        graphics.setColor(Color.BLACK);
        graphics.drawString("TIKET KYPSO K01-000001", 20, 40);
        graphics.drawImage(code, (576 - code.getWidth()) / 2, 200, null);
        graphics.dispose();
        return paper;
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
