package id.kypso.provisioning.office;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.crypto.Ed25519;
import id.kypso.provisioning.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficeCreateTest {
    @TempDir
    Path temp;

    @Test
    void create_writesKeysWithOwnerOnlyPermissions() throws Exception {
        Path dir = temp.resolve("office");

        Cli.Result result = new Cli().run("office", "create", "--office-dir", dir.toString(),
                "--office", "3273-01", "--name", "Disdukcapil Kota Bandung");

        assertThat(result.code()).as(result.toString()).isZero();
        assertThat(permissions(dir.resolve("office.key"))).isEqualTo("rw-------");
        assertThat(permissions(dir.resolve("binding.secret"))).isEqualTo("rw-------");
        assertThat(permissions(dir.resolve("office.pub"))).isEqualTo("rw-r--r--");
        assertThat(dir.resolve("office.properties")).exists();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void create_writesMatchingKeyPairAndSecret() throws Exception {
        Path dir = temp.resolve("office");
        new Cli().run("office", "create", "--office-dir", dir.toString(), "--office", "3273-01",
                "--name", "Disdukcapil Kota Bandung");

        PrivateKey privateKey = Ed25519.privateKey(read(dir.resolve("office.key")));
        PublicKey publicKey = Ed25519.publicKey(read(dir.resolve("office.pub")));
        byte[] message = "slip".getBytes(StandardCharsets.US_ASCII);
        assertThat(Ed25519.verify(publicKey, message, Ed25519.sign(privateKey, message)))
                .isTrue();
        assertThat(Base64.getDecoder().decode(read(dir.resolve("binding.secret"))))
                .hasSize(32);
    }

    @Test
    void create_writesOfficeProperties() throws Exception {
        Path dir = temp.resolve("office");
        new Cli().run("office", "create", "--office-dir", dir.toString(), "--office", "3273-01",
                "--name", "Disdukcapil Kota Bandung: Kantor Utama");

        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("office.properties"))) {
            properties.load(in);
        }
        assertThat(properties.getProperty("office.id")).isEqualTo("3273-01");
        assertThat(properties.getProperty("office.name"))
                .isEqualTo("Disdukcapil Kota Bandung: Kantor Utama");
        assertThat(properties.getProperty("key.version")).isEqualTo("1");
        assertThat(OfficeFolder.load(dir).name())
                .isEqualTo("Disdukcapil Kota Bandung: Kantor Utama");
    }

    @Test
    void existingOffice_isNotOverwritten() throws Exception {
        Path dir = temp.resolve("office");
        new Cli().run("office", "create", "--office-dir", dir.toString(), "--office", "3273-01",
                "--name", "A");
        String key = read(dir.resolve("office.key"));

        Cli.Result again = new Cli().run("office", "create", "--office-dir", dir.toString(),
                "--office", "3273-01", "--name", "B");

        assertThat(again.code()).isEqualTo(4);
        assertThat(again.err()).contains("already an office identity").contains("office.key");
        assertThat(read(dir.resolve("office.key"))).isEqualTo(key);
    }

    @Test
    void badOfficeId_isRejectedWithFix() {
        Path dir = temp.resolve("office");

        Cli.Result result = new Cli().run("office", "create", "--office-dir", dir.toString(),
                "--office", "32731", "--name", "A");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("office id \"32731\" is invalid")
                .contains("like 3273-01");
        assertThat(dir).doesNotExist();
    }

    @Test
    void badOfficeId_isIndonesianByDefault() {
        Cli.Result result = new Cli().language("id").run("office", "create", "--office-dir",
                temp.resolve("office").toString(), "--office", "12-01", "--name", "A");

        assertThat(result.code()).isEqualTo(3);
        assertThat(result.err()).contains("Gagal: kode kantor \"12-01\" tidak sah")
                .contains("Yang harus dilakukan:");
    }

    @Test
    void missingOption_isAUsageError() {
        Cli.Result result = new Cli().run("office", "create", "--office", "3273-01");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--office-dir").contains("--help");
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file).strip();
    }
}
