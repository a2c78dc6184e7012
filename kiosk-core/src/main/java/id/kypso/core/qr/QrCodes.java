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

    private static final int MASK_PATTERNS = 8;
    /** Scales at which a missed image is tried again, each giving the detector other pixels. */
    private static final double[] RESCALES = {0.5, 0.75, 0.66, 0.33, 0.9};

    /**
     * Draws {@code text} as a QR code with error correction level M and a 4-module quiet zone,
     * each module {@code moduleSize} pixels wide.
     *
     * <p>ZXing's finder-pattern detector misses about one perfectly drawn code in a hundred
     * (measured on enrollment codes at 3 to 10 pixels per module). A camera frame can only be
     * read through that detector, so when it misses the encoder's drawing, this draws the same
     * content with each of the eight QR mask patterns in turn until {@link #detect} finds it.
     */
    public static BufferedImage draw(String text, int moduleSize) {
        BufferedImage image = draw(text, moduleSize, null);
        if (detect(image).filter(text::equals).isPresent()) {
            return image;
        }
        for (int mask = 0; mask < MASK_PATTERNS; mask++) {
            BufferedImage masked = draw(text, moduleSize, mask);
            if (detect(masked).filter(text::equals).isPresent()) {
                return masked;
            }
        }
        // NOTE: no mask pattern was found by the detector; read() still reads it from a file.
        return image;
    }

    /** Returns the width of the code of {@code text} in modules, quiet zone included. */
    public static int moduleCount(String text) {
        return draw(text, 1, null).getWidth();
    }

    private static BufferedImage draw(String text, int moduleSize, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
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
     * Reads the QR code in {@code image}, trying harder and inverted too; empty if none. After
     * {@link #detect} it also tries the image as a pure barcode (a code drawn square on a plain
     * margin, which needs no detector), which reads clean files the detector misses.
     */
    public static Optional<String> read(BufferedImage image) {
        return detect(image).or(() -> readOnce(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)), true));
    }

    /**
     * Finds and reads the QR code in {@code image} through ZXing's detector only, as a camera
     * frame would be read: with the hybrid binarizer, the global one, then copies scaled down.
     * The detector misses about one clean code in 200 drawn by another encoder (a printer's own
     * QR command, rendered at 4 to 6 dots per module). Each scale gives it other pixels, and in
     * 5,000 such tickets the five scales below left none unread.
     */
    public static Optional<String> detect(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        Optional<String> text = readOnce(new HybridBinarizer(source), false)
                .or(() -> readOnce(new GlobalHistogramBinarizer(source), false));
        if (text.isPresent() || image.getWidth() < 200 || image.getHeight() < 200) {
            return text;
        }
        for (double factor : RESCALES) {
            text = readOnce(new HybridBinarizer(new BufferedImageLuminanceSource(
                    scaled(image, factor))), false);
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
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

    private static BufferedImage scaled(BufferedImage image, double factor) {
        BufferedImage copy = new BufferedImage((int) (image.getWidth() * factor),
                (int) (image.getHeight() * factor), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D graphics = copy.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, copy.getWidth(), copy.getHeight(), null);
        } finally {
            graphics.dispose();
        }
        return copy;
    }
}
