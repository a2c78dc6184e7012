package id.kypso.provisioning.pin;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.provisioning.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void set_storesSaltedHashNotThePin() throws Exception {
        Cli.Result result = new Cli().input("583920\n").run("pin", "set", "--data-dir",
                dataDir.toString(), "--iterations", "10000");

        assertThat(result.code()).as(result.toString()).isZero();
        Path file = dataDir.resolve(PinHash.FILE);
        String text = Files.readString(file);
        assertThat(text).doesNotContain("583920");
        Properties properties = new Properties();
        properties.load(Files.newBufferedReader(file));
        assertThat(properties.getProperty("format")).isEqualTo("kypso-pin/1");
        assertThat(properties.getProperty("algorithm")).isEqualTo("PBKDF2WithHmacSHA256");
        assertThat(properties.getProperty("iterations")).isEqualTo("10000");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void storedHash_matchesOnlyTheSamePin() throws Exception {
        new Cli().input("583920\n").run("pin", "set", "--data-dir", dataDir.toString(),
                "--iterations", "10000");

        PinHash stored = PinHash.read(dataDir);

        assertThat(stored.matches("583920".toCharArray())).isTrue();
        assertThat(stored.matches("583921".toCharArray())).isFalse();
        assertThat(new Cli().input("583920\n").run("pin", "check", "--data-dir",
                dataDir.toString()).code()).isZero();
        assertThat(new Cli().input("000001\n").run("pin", "check", "--data-dir",
                dataDir.toString()).code()).isEqualTo(3);
    }

    @Test
    void defaultIterations_areWrittenToTheFile() throws Exception {
        new Cli().input("583920\n").run("pin", "set", "--data-dir", dataDir.toString());

        assertThat(PinHash.read(dataDir).iterations()).isEqualTo(600_000);
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
