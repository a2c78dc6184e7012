package id.kypso.kiosk.scan;

import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.Nik;
import id.kypso.core.identity.Nip;
import id.kypso.core.identity.OfficeId;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.slip.StageOfficer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Real signed slip payloads drawn as QR codes on a page and damaged with Java2D as a kiosk
 * camera might capture them. Every image is made from a seeded random source, so a run is
 * repeatable.
 */
final class SlipCorpus {
    static final KeyPair OFFICE_KEYS = fixedKeys();
    static final OfficeId OFFICE = OfficeId.parse("3273-01");
    /** Pixels per QR module before damage; an estimate for a 720p camera at 30 cm. */
    static final int MODULE_PIXELS = 4;

    /** A damage kind; {@code apply} draws one damaged image at a severity from the random. */
    enum Damage {
        CLEAN,
        INVERTED,
        LOW_CONTRAST,
        ROTATED,
        MIRRORED,
        BLURRED,
        NO_QUIET_ZONE,
        NO_QUIET_ZONE_DARK_BACKGROUND,
        NOISY,
        LOW_CONTRAST_BLURRED;

        BufferedImage apply(BufferedImage code, Random random) {
            return switch (this) {
                case CLEAN -> onPage(code);
                case INVERTED -> invert(onPage(code));
                case LOW_CONTRAST -> lowContrast(onPage(code), 8 + random.nextInt(32));
                case ROTATED -> rotate(onPage(code), 5 + random.nextInt(350));
                case MIRRORED -> mirror(onPage(code));
                case BLURRED -> blur(onPage(code), 4 + random.nextInt(6));
                case NO_QUIET_ZONE -> cropQuietZone(code);
                case NO_QUIET_ZONE_DARK_BACKGROUND -> onBackground(cropQuietZone(code),
                        random.nextInt(80));
                case NOISY -> noise(onPage(code), 30 + random.nextInt(50), random);
                case LOW_CONTRAST_BLURRED -> blur(lowContrast(onPage(code),
                        16 + random.nextInt(32)), 3 + random.nextInt(4));
            };
        }

        /** Describes the severity range the corpus draws from, for the benchmark page. */
        String severity() {
            return switch (this) {
                case CLEAN -> "none";
                case INVERTED -> "light modules on a dark page";
                case LOW_CONTRAST -> "dark and light 8-39 grey levels apart (of 255)";
                case ROTATED -> "5-354 degrees";
                case MIRRORED -> "flipped left to right";
                case BLURRED -> "box blur 4-9 px (1-2.25 modules)";
                case NO_QUIET_ZONE -> "cropped at the symbol edge";
                case NO_QUIET_ZONE_DARK_BACKGROUND ->
                        "cropped at the symbol edge, on a background of grey level 0-79";
                case NOISY -> "Gaussian noise, standard deviation 30-79 grey levels";
                case LOW_CONTRAST_BLURRED -> "16-47 grey levels apart and 3-6 px blur";
            };
        }
    }

    private SlipCorpus() {
    }

    /** Returns one fixed office key pair, so the signatures, and so the images, repeat. */
    private static KeyPair fixedKeys() {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(20261204L);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, seeded);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 support", e);
        }
    }

    /** Returns {@code count} signed slip payloads with varied registration numbers. */
    static List<String> slipTexts(int count, Random random) {
        List<String> texts = new ArrayList<>(count);
        NikDigest digest = new NikDigest(new byte[32]);
        for (int i = 0; i < count; i++) {
            // Region 3273, district 01, birth date DDMMYY (women add 40 to the day), sequence.
            int day = 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0);
            Nik nik = Nik.parse(String.format("327301%02d%02d%02d%04d", day,
                    1 + random.nextInt(12), random.nextInt(100), 1 + random.nextInt(9_999)));
            List<StageOfficer> officers = new ArrayList<>();
            officers.add(new StageOfficer(ServiceStage.VERIFIKASI,
                    Nip.parse("198503122010011001")));
            officers.add(new StageOfficer(ServiceStage.PEREKAMAN,
                    Nip.parse("199001052015032002")));
            if (random.nextBoolean()) {
                officers.add(new StageOfficer(ServiceStage.PENGAMBILAN,
                        Nip.parse("198711202012122003")));
            }
            RegistrationSlip slip = new RegistrationSlip(OFFICE,
                    String.format("REG-2026-%06d", random.nextInt(1_000_000)),
                    Instant.parse("2026-12-04T02:15:30Z").plusSeconds(random.nextInt(86_400)),
                    MaskedNik.of(nik), digest.digest(nik), officers, 1);
            texts.add(SlipCodec.encode(slip, OFFICE_KEYS.getPrivate()));
        }
        return texts;
    }

    static BufferedImage code(String text) {
        return QrCodes.draw(text, MODULE_PIXELS);
    }

    /** Puts the code on a white page with a margin of half its size. */
    static BufferedImage onPage(BufferedImage code) {
        int margin = code.getWidth() / 2;
        BufferedImage page = new BufferedImage(code.getWidth() + 2 * margin,
                code.getHeight() + 2 * margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.drawImage(code, margin, margin, null);
        g.dispose();
        return page;
    }

    /** Puts the code on a plain background of grey level {@code grey}, touching nothing white. */
    static BufferedImage onBackground(BufferedImage code, int grey) {
        int margin = code.getWidth() / 3;
        BufferedImage page = new BufferedImage(code.getWidth() + 2 * margin,
                code.getHeight() + 2 * margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.drawImage(code, margin, margin, null);
        g.dispose();
        return page;
    }

    static BufferedImage noise(BufferedImage image, int sigma, Random random) {
        BufferedImage out = copy(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int grey = out.getRGB(x, y) & 0xff;
                int noisy = Math.clamp(Math.round(grey + random.nextGaussian() * sigma), 0, 255);
                out.setRGB(x, y, 0xff000000 | noisy << 16 | noisy << 8 | noisy);
            }
        }
        return out;
    }

    static BufferedImage invert(BufferedImage image) {
        BufferedImage out = copy(image);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, ~out.getRGB(x, y) | 0xff000000);
            }
        }
        return out;
    }

    /** Squeezes black and white into {@code spread} grey levels around mid-grey. */
    static BufferedImage lowContrast(BufferedImage image, int spread) {
        BufferedImage out = copy(image);
        int low = 128 - spread / 2;
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                int grey = out.getRGB(x, y) & 0xff;
                int mapped = low + grey * spread / 255;
                out.setRGB(x, y, 0xff000000 | mapped << 16 | mapped << 8 | mapped);
            }
        }
        return out;
    }

    static BufferedImage rotate(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
                RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setTransform(AffineTransform.getRotateInstance(Math.toRadians(degrees),
                image.getWidth() / 2.0, image.getHeight() / 2.0));
        g.drawImage(image, 0, 0, null);
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

    static BufferedImage blur(BufferedImage image, int size) {
        float[] weights = new float[size * size];
        java.util.Arrays.fill(weights, 1f / weights.length);
        BufferedImage source = copy(image);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(source, out);
        return out;
    }

    /** Cuts the 4-module quiet zone away so the code touches the image edge. */
    static BufferedImage cropQuietZone(BufferedImage code) {
        int margin = 4 * MODULE_PIXELS;
        return copy(code.getSubimage(margin, margin, code.getWidth() - 2 * margin,
                code.getHeight() - 2 * margin));
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }
}
