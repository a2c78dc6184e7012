package id.kypso.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.config.BundleStore;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.kiosk.testing.TestKiosk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledConfigTest {
    @TempDir
    Path dataDir;

    @Test
    void newBundle_isLoadedOnNextGet() throws Exception {
        TestKiosk kiosk = new TestKiosk(dataDir);
        BundleStore store = new BundleStore(dataDir);
        InstalledConfig config = new InstalledConfig(store);
        assertThat(config.get().orElseThrow().officeName()).isEqualTo("Disdukcapil Kota Bandung");

        store.install(renamed(kiosk.bundle, "Disdukcapil Kota Cimahi"));
        Files.setLastModifiedTime(store.file(), FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(config.get().orElseThrow().officeName()).isEqualTo("Disdukcapil Kota Cimahi");
        assertThat(config.problem()).isEmpty();
    }

    @Test
    void brokenBundle_keepsThePreviousOne() throws Exception {
        new TestKiosk(dataDir);
        BundleStore store = new BundleStore(dataDir);
        InstalledConfig config = new InstalledConfig(store);
        config.get();

        Files.writeString(store.file(), "{\"format\": \"kypso-config/9\"}");

        assertThat(config.reload()).hasValueSatisfying(problem ->
                assertThat(problem).contains("kypso-config/1"));
        assertThat(config.get().orElseThrow().officeName()).isEqualTo("Disdukcapil Kota Bandung");
    }

    @Test
    void missingBundle_isEmpty() {
        assertThat(new InstalledConfig(new BundleStore(dataDir)).get()).isEmpty();
    }

    private static ConfigBundle renamed(ConfigBundle bundle, String officeName) {
        return new ConfigBundle(bundle.format(), bundle.officeId(), officeName,
                bundle.officeKeys(), bundle.kioskKeys(), bundle.roster(), bundle.survey(),
                bundle.revokedTickets());
    }
}
