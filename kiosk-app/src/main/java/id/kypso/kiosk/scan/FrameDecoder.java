package id.kypso.kiosk.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Finds and decodes the QR code in a camera frame. ZXing alone reads a clean, upright or
 * rotated code, and every attempt also tries inverted colours. For worse frames this tries
 * these in order: a second binarizer, a contrast stretch, a white or black border for a code
 * without its quiet zone, a mirrored copy (a selfie camera), a half-size copy, and an unsharp
 * mask against blur. The last attempts threshold just above the darkest pixels, for a code
 * without its quiet zone on a dark background. The first success wins.
 *
 * <p>The text comes back as ZXing decodes it: a code with a UTF-8 ECI designator decodes as
 * UTF-8. Checking what the text means (slip or ticket, signature) is the caller's job.
 * Thread-safe: every call uses its own reader.
 */
public final class FrameDecoder {

    /** One way of preparing a frame before ZXing reads it. */
    record Attempt(String name, UnaryOperator<BufferedImage> prepare,
            Function<LuminanceSource, Binarizer> binarizer) {
    }

    /** A decoded frame and the attempt that read it. */
    public record Decoded(String text, String attempt) {
    }

    private static final List<Attempt> ATTEMPTS = List.of(
            new Attempt("hybrid", UnaryOperator.identity(), HybridBinarizer::new),
            new Attempt("global-histogram", UnaryOperator.identity(),
                    GlobalHistogramBinarizer::new),
            new Attempt("contrast-stretch", FrameDecoder::stretchContrast,
                    HybridBinarizer::new),
            new Attempt("quiet-zone", image -> addBorder(image, false), HybridBinarizer::new),
            new Attempt("quiet-zone-dark", image -> addBorder(image, true),
                    HybridBinarizer::new),
            new Attempt("mirrored", FrameDecoder::mirror, HybridBinarizer::new),
            new Attempt("mirrored-quiet-zone", image -> addBorder(mirror(image), false),
                    HybridBinarizer::new),
            new Attempt("half-size", FrameDecoder::halve, HybridBinarizer::new),
            new Attempt("sharpened", FrameDecoder::sharpen, HybridBinarizer::new),
            new Attempt("sharpened-stretch", image -> stretchContrast(sharpen(image)),
                    GlobalHistogramBinarizer::new),
            new Attempt("darkest-16", image -> keepDarkest(image, 16), HybridBinarizer::new),
            new Attempt("darkest-32", image -> keepDarkest(image, 32), HybridBinarizer::new),
            new Attempt("half-size-stretch", image -> stretchContrast(halve(image)),
                    GlobalHistogramBinarizer::new));

    /** Returns the text of the QR code in {@code frame}, or empty when none could be read. */
    public Optional<String> decode(BufferedImage frame) {
        return decodeWithAttempt(frame).map(Decoded::text);
    }

    /** Like {@link #decode} but also names the attempt that succeeded. */
    public Optional<Decoded> decodeWithAttempt(BufferedImage frame) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.ALSO_INVERTED, Boolean.TRUE);
        MultiFormatReader reader = new MultiFormatReader();
        reader.setHints(hints);

        for (Attempt attempt : ATTEMPTS) {
            BufferedImage prepared = attempt.prepare().apply(frame);
            LuminanceSource source = new BufferedImageLuminanceSource(prepared);
            try {
                Result result = reader.decodeWithState(
                        new BinaryBitmap(attempt.binarizer().apply(source)));
                return Optional.of(new Decoded(result.getText(), attempt.name()));
            } catch (ReaderException e) {
                // Not found or not readable this way; the next attempt prepares it otherwise.
            } finally {
                reader.reset();
            }
        }
        return Optional.empty();
    }

    /** Maps the 2nd to 98th percentile of luminance onto the full range. */
    static BufferedImage stretchContrast(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] histogram = new int[256];
        int[] luma = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = luminance(image.getRGB(x, y));
                luma[y * width + x] = value;
                histogram[value]++;
            }
        }
        int low = percentile(histogram, luma.length, 0.02);
        int high = percentile(histogram, luma.length, 0.98);
        if (high - low < 2) {
            return image;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < luma.length; i++) {
            int stretched = Math.clamp((luma[i] - low) * 255L / (high - low), 0, 255);
            out.getRaster().setSample(i % width, i / width, 0, stretched);
        }
        return out;
    }

    /**
     * Turns every pixel more than {@code margin} levels lighter than the darkest 1% white.
     * This separates black modules from a dark grey background that touches a code printed
     * without its quiet zone.
     */
    static BufferedImage keepDarkest(BufferedImage image, int margin) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] histogram = new int[256];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                histogram[luminance(image.getRGB(x, y))]++;
            }
        }
        int threshold = percentile(histogram, width * height, 0.01) + margin;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int dark = luminance(image.getRGB(x, y)) <= threshold ? 0 : 255;
                out.getRaster().setSample(x, y, 0, dark);
            }
        }
        return out;
    }

    /** Surrounds the image with a border an eighth of its size, white or black. */
    static BufferedImage addBorder(BufferedImage image, boolean dark) {
        int border = Math.max(8, Math.max(image.getWidth(), image.getHeight()) / 8);
        BufferedImage out = new BufferedImage(image.getWidth() + 2 * border,
                image.getHeight() + 2 * border, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(dark ? Color.BLACK : Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, border, border, null);
        g.dispose();
        return out;
    }

    static BufferedImage mirror(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, image.getWidth(), 0, -image.getWidth(), image.getHeight(), null);
        g.dispose();
        return out;
    }

    static BufferedImage halve(BufferedImage image) {
        int width = Math.max(1, image.getWidth() / 2);
        int height = Math.max(1, image.getHeight() / 2);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** Applies an unsharp mask: the image plus twice its difference from a 5 x 5 box blur. */
    static BufferedImage sharpen(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] luma = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                luma[y * width + x] = luminance(image.getRGB(x, y));
            }
        }
        // A summed-area table gives each box sum in constant time.
        long[] sums = new long[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            long row = 0;
            for (int x = 0; x < width; x++) {
                row += luma[y * width + x];
                sums[(y + 1) * (width + 1) + x + 1] = sums[y * (width + 1) + x + 1] + row;
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            int top = Math.max(0, y - 2);
            int bottom = Math.min(height, y + 3);
            for (int x = 0; x < width; x++) {
                int left = Math.max(0, x - 2);
                int right = Math.min(width, x + 3);
                long box = sums[bottom * (width + 1) + right] - sums[top * (width + 1) + right]
                        - sums[bottom * (width + 1) + left] + sums[top * (width + 1) + left];
                long mean = box / ((long) (bottom - top) * (right - left));
                long value = luma[y * width + x] + 2 * (luma[y * width + x] - mean);
                out.getRaster().setSample(x, y, 0, (int) Math.clamp(value, 0, 255));
            }
        }
        return out;
    }

    private static int luminance(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (r * 299 + g * 587 + b * 114) / 1000;
    }

    private static int percentile(int[] histogram, int total, double fraction) {
        long target = Math.round(total * fraction);
        long seen = 0;
        for (int value = 0; value < histogram.length; value++) {
            seen += histogram[value];
            if (seen >= target) {
                return value;
            }
        }
        return 255;
    }
}
