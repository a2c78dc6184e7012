package id.kypso.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.KioskAgent;
import id.kypso.agent.SyncSummary;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.RealAggregator;
import id.kypso.agent.testing.TestAggregator;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationPullTest {
    @TempDir
    Path temp;

    @Test
    void deskSlips_reachTheKiosk()
            throws Exception {
        KeyPair office = Ed25519.generate();
        try (RealAggregator aggregator = RealAggregator.start(temp.resolve("aggregator"))) {
            KioskFixture kiosk = KioskFixture.create(temp.resolve("kiosk"), aggregator.url());
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic(), office.getPublic());
            String first = slip("REG-0001", office.getPrivate());
            String second = slip("REG-0002", office.getPrivate());
            aggregator.uploadSlips("3273-01", List.of(first, second));
            KioskDatabase database = kiosk.openDatabase();
            RegistrationBook book = new RegistrationBook(database);

            try (KioskAgent agent = KioskAgent.builder(kiosk.dataDir())
                    .aggregatorUrl(aggregator.url()).open()) {
                SyncSummary summary = agent.syncOnce();

                assertThat(summary.errors()).isEmpty();
                assertThat(book.count()).isEqualTo(2);
                assertThat(book.find("REG-0002")).contains(second);
                assertThat(new KioskState(database).get(KioskState.REGISTRATIONS_AS_OF))
                        .isPresent();

                String third = slip("REG-0003", office.getPrivate());
                aggregator.uploadSlips("3273-01", List.of(third));
                agent.syncOnce();

                assertThat(book.count()).isEqualTo(3);
                assertThat(book.find("REG-0003")).contains(third);
                assertThat(book.find("REG-9999")).isEmpty();
            }
        }
    }

    @Test
    void unverifiedSlip_isLeftOut() throws Exception {
        KioskFixture kiosk = KioskFixture.create(temp.resolve("kiosk"), "http://127.0.0.1:9");
        KeyPair office = Ed25519.generate();
        try (TestAggregator aggregator = aggregatorOf(kiosk, office)) {
            String good = slip("REG-0001", office.getPrivate());
            String forged = slip("REG-0002", Ed25519.generate().getPrivate());
            aggregator.serveRegistrations("3273-01", List.of(forged, "KS1:DAMAGED", good));

            try (KioskAgent agent = KioskAgent.builder(kiosk.dataDir())
                    .aggregatorUrl(aggregator.url()).open()) {
                agent.syncOnce();
            }

            RegistrationBook book = new RegistrationBook(kiosk.openDatabase());
            assertThat(book.count()).isEqualTo(1);
            assertThat(book.find("REG-0001")).contains(good);
            assertThat(book.find("REG-0002")).isEmpty();
        }
    }

    @Test
    void otherOfficeList_isNotInstalled() throws Exception {
        KioskFixture kiosk = KioskFixture.create(temp.resolve("kiosk"), "http://127.0.0.1:9");
        KeyPair office = Ed25519.generate();
        try (TestAggregator aggregator = aggregatorOf(kiosk, office)) {
            aggregator.serveRegistrations("3273-01", List.of(slip("REG-0001",
                    office.getPrivate())));
            SyncSummary wrong;
            try (KioskAgent agent = KioskAgent.builder(kiosk.dataDir())
                    .aggregatorUrl(aggregator.url()).open()) {
                agent.syncOnce();
                aggregator.serveRegistrations("3204-01", List.of());
                wrong = agent.syncOnce();
            }

            assertThat(wrong.errors()).anySatisfy(error ->
                    assertThat(error).contains("office 3204-01"));
            assertThat(new RegistrationBook(kiosk.openDatabase()).find("REG-0001")).isPresent();
        }
    }

    @Test
    void laterPulls_askOnlyForNewSlips() throws Exception {
        KioskFixture kiosk = KioskFixture.create(temp.resolve("kiosk"), "http://127.0.0.1:9");
        KeyPair office = Ed25519.generate();
        try (TestAggregator aggregator = aggregatorOf(kiosk, office)) {
            String first = slip("REG-0001", office.getPrivate());
            String second = slip("REG-0002", office.getPrivate());
            aggregator.serveRegistrations("3273-01", List.of(first));
            try (KioskAgent agent = KioskAgent.builder(kiosk.dataDir())
                    .aggregatorUrl(aggregator.url()).open()) {
                agent.syncOnce();
                aggregator.serveRegistrations("3273-01", List.of(second));
                agent.syncOnce();
                ConfigBundle bundle = TestAggregator.validBundle("3273-01", office.getPublic());
                aggregator.serveConfig(new ConfigBundle(bundle.format(), bundle.officeId(),
                        "Disdukcapil Kota Bandung (renamed)", bundle.officeKeys(),
                        bundle.kioskKeys(), bundle.roster(), bundle.survey(),
                        bundle.revokedTickets()));
                agent.syncOnce();
            }

            List<String> since = aggregator.registrationSince();
            assertThat(since).hasSize(3);
            assertThat(since.get(0)).isEqualTo("-");
            assertThat(since.get(1)).isNotEqualTo("-");
            assertThat(since.get(2)).isEqualTo("-");
            RegistrationBook book = new RegistrationBook(kiosk.openDatabase());
            // The second pull added REG-0002; the full third pull left only what it listed.
            assertThat(book.find("REG-0001")).isEmpty();
            assertThat(book.find("REG-0002")).contains(second);
        }
    }

    /** Starts a faked aggregator that serves a config bundle with {@code office}'s key. */
    private static TestAggregator aggregatorOf(KioskFixture kiosk, KeyPair office)
            throws IOException {
        TestAggregator aggregator = TestAggregator.start(kiosk.keys().getPublic(),
                "3273-01-K01");
        aggregator.serveConfig(TestAggregator.validBundle("3273-01", office.getPublic()));
        return aggregator;
    }

    private static String slip(String number, PrivateKey key) {
        RegistrationSlip template = Fixtures.slip(number);
        return SlipCodec.encode(new RegistrationSlip(template.office(), number,
                Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS),
                MaskedNik.of(Fixtures.NIK), template.nikDigest(), template.officers(), 1), key);
    }
}
