package id.kypso.provisioning.pin;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.provisioning.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void set_writesTheKioskAppPinLine() throws Exception {
        Cli.Result result = set("583920");

        assertThat(result.code()).as(result.toString()).isZero();
        Path file = dataDir.resolve("maintenance.pin");
        String line = Files.readString(file, StandardCharsets.US_ASCII).strip();
        assertThat(line).doesNotContain("583920");
        String[] parts = line.split("\\$");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("pbkdf2-sha256");
        assertThat(parts[1]).isEqualTo("10000");
        assertThat(Base64.getDecoder().decode(parts[2])).hasSize(16);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void storedHash_isPlainPbkdf2OfThePin() throws Exception {
        set("583920");
        String[] parts = Files.readString(dataDir.resolve("maintenance.pin")).strip()
                .split("\\$");

        // Recomputed the way the kiosk app checks a PIN, without this module's code.
        PBEKeySpec spec = new PBEKeySpec("583920".toCharArray(),
                Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]), 256);
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(spec).getEncoded();

        assertThat(Base64.getDecoder().decode(parts[3])).isEqualTo(expected);
    }

    @Test
    void storedHash_matchesOnlyTheSamePin() throws Exception {
        set("583920");

        PinHash stored = PinHash.read(dataDir);

        assertThat(stored.matches("583920".toCharArray())).isTrue();
        assertThat(stored.matches("583921".toCharArray())).isFalse();
        assertThat(new Cli().input("583920\n").run("pin", "check", "--data-dir",
                dataDir.toString()).code()).isZero();
        assertThat(new Cli().input("000001\n").run("pin", "check", "--data-dir",
                dataDir.toString()).code()).isEqualTo(3);
    }

    @Test
    void set_clearsTheAppAttemptLock() throws Exception {
        Files.writeString(dataDir.resolve("maintenance.lock"),
                "failures=5\nlocks=1\nlockedUntil=2099-01-01T00:00:00Z\n");

        set("583920");

        assertThat(dataDir.resolve("maintenance.lock")).doesNotExist();
    }

    @Test
    void defaultIterations_matchTheKioskApp() throws Exception {
        new Cli().input("583920\n").run("pin", "set", "--data-dir", dataDir.toString());

        assertThat(PinHash.read(dataDir).iterations()).isEqualTo(210_000);
    }

    @Test
    void weakPins_areRejected() {
        assertThat(set("12345").err()).contains("must be 6-12 digits");
        assertThat(set("123456").err()).contains("too easy to guess");
        assertThat(set("987654").err()).contains("too easy to guess");
        assertThat(set("777777").err()).contains("too easy to guess");
        assertThat(set("12a456").err()).contains("digits only");
        assertThat(set("123456").code()).isEqualTo(3);
        assertThat(dataDir.resolve(PinHash.FILE)).doesNotExist();
    }

    private Cli.Result set(String pin) {
        return new Cli().input(pin + "\n").run("pin", "set", "--data-dir", dataDir.toString(),
                "--iterations", "10000");
    }
}
