package id.kypso.core.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.WriterException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Draws and reads QR codes with ZXing. */
public final class QrCodes {

    private QrCodes() {
    }

    /**
     * Draws {@code text} as a QR code with error correction level M and a 4-module quiet zone,
     * each module {@code moduleSize} pixels wide.
     */
    public static BufferedImage draw(String text, int moduleSize) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
            BitMatrix scaled = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE,
                    modules.getWidth() * moduleSize, modules.getHeight() * moduleSize, hints);
            return MatrixToImageWriter.toBufferedImage(scaled);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text of " + text.length()
                    + " characters does not fit a QR code", e);
        }
    }

    /**
     * Reads the QR code in {@code image}, trying harder and inverted too; empty if none.
     *
     * <p>ZXing's finder-pattern detector misses about one clean, computer-drawn code in a
     * hundred (measured on enrollment codes at 3 to 10 pixels per module, and seen with
     * tickets rendered from ESC/POS), so a failed read is retried with the other binarizer,
     * then as a pure barcode (a code drawn square on a plain margin, which needs no detector),
     * then on a copy scaled to half.
     */
    public static Optional<String> read(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        Optional<String> text = readOnce(new HybridBinarizer(source), false)
                .or(() -> readOnce(new GlobalHistogramBinarizer(source), false))
                .or(() -> readOnce(new HybridBinarizer(source), true));
        if (text.isPresent() || image.getWidth() < 200 || image.getHeight() < 200) {
            return text;
        }
        return readOnce(new HybridBinarizer(new BufferedImageLuminanceSource(halfSize(image))),
                false);
    }

    private static Optional<String> readOnce(Binarizer binarizer, boolean pure) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        if (pure) {
            hints.put(DecodeHintType.PURE_BARCODE, Boolean.TRUE);
        }
        try {
            // MultiFormatReader, unlike QRCodeReader alone, honours ALSO_INVERTED.
            return Optional.of(new MultiFormatReader()
                    .decode(new BinaryBitmap(binarizer), hints).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private static BufferedImage halfSize(BufferedImage image) {
        BufferedImage half = new BufferedImage(image.getWidth() / 2, image.getHeight() / 2,
                BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = half.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, half.getWidth(), half.getHeight(), null);
        } finally {
            graphics.dispose();
        }
        return half;
    }
}
