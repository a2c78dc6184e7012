package id.kypso.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path dataDir;

    @Test
    void missingIdentity_saysHowToCreateOne() {
        assertThatThrownBy(() -> KioskIdentity.load(dataDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is missing").hasMessageContaining("provisioning kiosk create");
    }

    @Test
    void missingPropertiesBesideKey_adviseRestore() throws Exception {
        Files.writeString(dataDir.resolve(KioskIdentity.KEY_FILE), "not checked here");

        assertThatThrownBy(() -> KioskIdentity.load(dataDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kiosk key is still there")
                .hasMessageContaining("restore kiosk.properties")
                .hasMessageNotContaining("kiosk create");
    }

    @Test
    void wordAsKeyVersion_namesTheLine() throws Exception {
        Files.writeString(dataDir.resolve(KioskIdentity.PROPERTIES_FILE),
                "kiosk.id=3273-01-K01\nkiosk.keyVersion=two\n");

        assertThatThrownBy(() -> KioskIdentity.load(dataDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kiosk.keyVersion must be a number")
                .hasMessageContaining("\"two\"");
    }

    @Test
    void binaryGarbageIdentity_isReportedAsDamaged() throws Exception {
        Files.write(dataDir.resolve(KioskIdentity.PROPERTIES_FILE),
                new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, 0x28});

        assertThatThrownBy(() -> KioskIdentity.load(dataDir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("backup");
    }

    @Test
    void brokenBundle_namesLineWithoutParserNoise() throws Exception {
        BundleStore store = new BundleStore(dataDir);
        Files.createDirectories(store.file().getParent());
        Files.writeString(store.file(), "{\"format\": \"kypso-config/1\",\n  oops",
                StandardCharsets.UTF_8);

        assertThatThrownBy(store::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("REDACTED")
                .hasMessageNotContaining("StreamReadFeature");
    }

    @Test
    void absentBundle_isEmptyNotAnError() throws Exception {
        assertThat(new BundleStore(dataDir).load()).isEmpty();
    }
}
