package id.kypso.provisioning.selftest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The ESC/POS printer test page: plain ASCII lines, a ruler to check the width, a cut. */
final class TestPage {
    private static final byte ESC = 0x1B;
    private static final byte GS = 0x1D;

    private TestPage() {
    }

    static byte[] build(String kioskId, Instant now, String version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {ESC, '@'});
        out.writeBytes(new byte[] {ESC, 'a', 1});
        out.writeBytes(new byte[] {ESC, 'E', 1});
        text(out, "KYPSO TEST PAGE");
        out.writeBytes(new byte[] {ESC, 'E', 0});
        text(out, "kiosk " + kioskId);
        text(out, now.toString());
        text(out, "provisioning " + version);
        out.writeBytes(new byte[] {ESC, 'a', 0});
        text(out, "0123456789012345678901234567890123456789012345");
        text(out, "If this line and the one above print in full,");
        text(out, "the printer and its width are set up.");
        out.writeBytes(new byte[] {ESC, 'd', 4});
        out.writeBytes(new byte[] {GS, 'V', 66, 0});
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
    }
}
