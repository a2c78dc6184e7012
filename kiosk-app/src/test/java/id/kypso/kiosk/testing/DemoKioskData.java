package id.kypso.kiosk.testing;

import id.kypso.core.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a kiosk data folder (identity, key, installed config bundle) and one signed slip, for
 * starting {@code KioskMain} by hand during development. Argument: the folder to create.
 */
public final class DemoKioskData {

    private DemoKioskData() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "kiosk-demo");
        Files.createDirectories(dataDir);
        TestKiosk kiosk = new TestKiosk(dataDir);
        Files.writeString(dataDir.resolve("kiosk.properties"), "kiosk.id="
                + TestKiosk.KIOSK + "\nkiosk.keyVersion=1\naggregator.url=\n",
                StandardCharsets.UTF_8);
        Files.writeString(dataDir.resolve("kiosk.key"),
                Ed25519.toBase64(kiosk.kioskKeys.getPrivate()), StandardCharsets.US_ASCII);
        Files.writeString(dataDir.resolve("demo-slip.txt"), kiosk.slip("REG-0001") + "\n",
                StandardCharsets.US_ASCII);
        System.out.println("Kiosk data folder written to " + dataDir.toAbsolutePath()
                + "; a signed slip is in demo-slip.txt");
    }
}
