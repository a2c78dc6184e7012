package id.kypso.core.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.WriterException;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
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

    /** Reads the QR code in {@code image}, trying harder and inverted too; empty if none. */
    public static Optional<String> read(BufferedImage image) {
        LuminanceSource source = new BufferedImageLuminanceSource(image);
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
        hints.put(DecodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return Optional.of(new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(source)), hints).getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }
}
