package id.kypso.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kypso.agent.KioskAgent;
import id.kypso.agent.SyncSummary;
import id.kypso.aggregator.Aggregator;
import id.kypso.aggregator.AggregatorOptions;
import id.kypso.core.config.BundleStore;
import id.kypso.core.config.KeyRings;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.slip.StageOfficer;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.survey.OfficerRating;
import id.kypso.core.survey.Question;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.KeyRotation;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.ticket.TicketCodec;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.testing.Cli;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes a fresh kiosk from nothing to enrolled, configured and syncing a survey against the
 * real aggregator on a loopback port, with only provisioning commands on the IT side. The
 * kiosk app's part (recording the survey) goes through the same core ledger the app uses, and
 * the real agent pushes it.
 */
class ProvisioningEndToEndTest {
    static final String ADMIN_TOKEN = "end-to-end-admin-token-0123";
    static final String RECORDER = "199001052015032002";
    static final String VERIFIER = "198503122010011001";

    @TempDir
    Path temp;
    Aggregator aggregator;
    String url;

    @BeforeEach
    void startAggregator() {
        aggregator = new Aggregator(AggregatorOptions.builder()
                .port(0)
                .dataDir(temp.resolve("aggregator"))
                .adminToken(ADMIN_TOKEN)
                .minimumResponses(1)
                .build());
        URI started = aggregator.start();
        url = "http://127.0.0.1:" + started.getPort();
    }

    @AfterEach
    void stopAggregator() {
        aggregator.close();
    }

    @Test
    void freshKiosk_isEnrolledConfiguredAndSyncsASurvey() throws Exception {
        Path officeDir = temp.resolve("office");
        Path dataDir = temp.resolve("kiosk");

        // IT staff: office identity, registration with roster, an enrollment QR.
        run("office", "create", "--office-dir", officeDir.toString(), "--office", "3273-01",
                "--name", "Disdukcapil Kota Bandung");
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, "nip,name,stage\n" + VERIFIER + ",Budi Santoso,VERIFIKASI\n"
                + RECORDER + ",Rina Wulandari,PEREKAMAN\n");
        run("office", "register", "--office-dir", officeDir.toString(), "--aggregator", url,
                "--admin-token", ADMIN_TOKEN, "--roster", roster.toString());
        Path qr = temp.resolve("enroll.png");
        run("office", "enrollment-token", "--office-dir", officeDir.toString(), "--aggregator",
                url, "--admin-token", ADMIN_TOKEN, "--qr-out", qr.toString());

        // IT staff at the kiosk: identity, enrollment from the QR, PIN, self-test.
        run("kiosk", "create", "--data-dir", dataDir.toString(), "--kiosk", "3273-01-K01");
        Cli.Result enrolled = run("kiosk", "enroll", "--data-dir", dataDir.toString(),
                "--qr-image", qr.toString());
        assertThat(enrolled.out()).contains("Config installed: Disdukcapil Kota Bandung,"
                + " 2 officers");
        Cli.Result pin = new Cli().clock(Clock.systemUTC()).input("583920\n").run("pin", "set",
                "--data-dir", dataDir.toString(), "--iterations", "10000");
        assertThat(pin.code()).as(pin.toString()).isZero();
        Cli.Result selftest = run("selftest", "--data-dir", dataDir.toString(), "--printer",
                "file:" + temp.resolve("printer.bin"), "--gpio-chip",
                temp.resolve("no-gpio").toString());
        assertThat(selftest.out()).contains("[ OK ] enrollment").contains("[ OK ] clock");

        // Perekaman desk: a slip for one citizen.
        Path slipPng = temp.resolve("slip.png");
        run("slip", "issue", "--office-dir", officeDir.toString(), "--nik", "3273014506900001",
                "--registration", "3273-20261204-0001", "--officer", "VERIFIKASI=" + VERIFIER,
                "--officer", "PEREKAMAN=" + RECORDER, "--out", slipPng.toString());

        // Kiosk app: reads the slip against the installed config and records the survey.
        ConfigBundle bundle = new BundleStore(dataDir).load().orElseThrow();
        String slipText = QrCodes.read(ImageIO.read(slipPng.toFile())).orElseThrow();
        RegistrationSlip slip = SlipCodec.decode(slipText, KeyRings.offices(bundle));
        KioskIdentity identity = KioskIdentity.load(dataDir);
        KioskDatabase database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        Clock clock = Clock.systemUTC();
        Outbox outbox = new Outbox(database, clock, UUID::randomUUID);
        new SurveyLedger(database, outbox, clock).complete(slip, response(identity, bundle, slip),
                identity.kioskId(), identity.keyVersion(),
                ticket -> TicketCodec.encode(ticket, identity.privateKey()));
        assertThat(outbox.count("PENDING")).isEqualTo(2);

        // Kiosk agent: one sync cycle pushes both records.
        SyncSummary summary;
        try (KioskAgent agent = KioskAgent.builder(dataDir).open()) {
            summary = agent.syncOnce();
        }
        assertThat(summary.errors()).isEmpty();
        assertThat(summary.stored()).isEqualTo(2);
        assertThat(summary.pendingLeft()).isZero();

        // The aggregator counts the response for both officers.
        JsonNode rapor = get("/api/v1/rapor/officers/" + RECORDER);
        assertThat(rapor.path("responses").asInt()).isEqualTo(1);
        assertThat(rapor.path("name").asText()).isEqualTo("Rina Wulandari");
        assertThat(get("/api/v1/rapor/officers/" + VERIFIER).path("responses").asInt())
                .isEqualTo(1);
    }

    @Test
    void brokenKiosk_isReplacedWithoutLosingASurvey() throws Exception {
        Path officeDir = office();
        Path oldKiosk = enrolledKiosk(officeDir, "3273-01-K01");
        recordSurvey(officeDir, oldKiosk, "3273-20261204-0001");
        recordSurvey(officeDir, oldKiosk, "3273-20261204-0002");

        // The old kiosk lost its network: decommission exports everything unsent.
        Path export = temp.resolve("k01-export.json");
        Cli.Result offline = new Cli().clock(Clock.systemUTC()).run("kiosk", "decommission",
                "--data-dir", oldKiosk.toString(), "--offline", "--out", export.toString());
        assertThat(offline.code()).as(offline.toString()).isEqualTo(5);
        assertThat(offline.out()).contains("4 unsent records").contains("Do NOT revoke");

        // From any machine with the old data folder: push the export, then revoke.
        Cli.Result pushed = run("kiosk", "push-export", "--data-dir", oldKiosk.toString(),
                "--file", export.toString());
        assertThat(pushed.out()).contains("4 records accepted");
        Cli.Result retired = run("kiosk", "decommission", "--data-dir", oldKiosk.toString(),
                "--revoke", "--admin-token", ADMIN_TOKEN, "--out",
                temp.resolve("k01-final.json").toString());
        assertThat(retired.out()).contains("0 unsent records").contains("revoked");

        // The replacement kiosk takes over under a new id; nothing was lost.
        Path newKiosk = enrolledKiosk(officeDir, "3273-01-K02");
        recordSurvey(officeDir, newKiosk, "3273-20261204-0003");
        sync(newKiosk);
        assertThat(get("/api/v1/rapor/officers/" + RECORDER).path("responses").asInt())
                .isEqualTo(3);
        Cli.Result revokedSelftest = new Cli().clock(Clock.systemUTC()).run("selftest",
                "--data-dir", oldKiosk.toString());
        assertThat(revokedSelftest.out()).contains("[FAIL] enrollment");
    }

    @Test
    void rotateKey_keepsIdAndOldTickets()
            throws Exception {
        Path officeDir = office();
        Path kiosk = enrolledKiosk(officeDir, "3273-01-K01");
        String oldTicket = recordSurvey(officeDir, kiosk, "3273-20261204-0001");
        String oldKey = Files.readString(kiosk.resolve("kiosk.key"));

        Cli.Result rotated = run("kiosk", "rotate-key", "--data-dir", kiosk.toString());

        assertThat(rotated.out()).contains("Kiosk 3273-01-K01 now signs with key version 2");
        KioskIdentity identity = KioskIdentity.load(kiosk);
        assertThat(identity.kioskId().toString()).isEqualTo("3273-01-K01");
        assertThat(identity.keyVersion()).isEqualTo(2);
        assertThat(Files.readString(kiosk.resolve("kiosk.key"))).isNotEqualTo(oldKey);
        assertThat(kiosk.resolve("kiosk.key.new")).doesNotExist();
        // The survey made before the rotation went out under the old key.
        assertThat(get("/api/v1/rapor/officers/" + RECORDER).path("responses").asInt())
                .isEqualTo(1);
        String newTicket = recordSurvey(officeDir, kiosk, "3273-20261204-0002");
        sync(kiosk);
        assertThat(get("/api/v1/rapor/officers/" + RECORDER).path("responses").asInt())
                .isEqualTo(2);
        // A counter verifies tickets of both key versions with the config it pulls.
        ConfigBundle bundle = new BundleStore(kiosk).load().orElseThrow();
        assertThat(TicketCodec.decode(oldTicket, KeyRings.kiosks(bundle)).serial())
                .isEqualTo(1);
        assertThat(TicketCodec.decode(newTicket, KeyRings.kiosks(bundle)).serial())
                .isEqualTo(2);
    }

    @Test
    void rotateKeyCutOff_finishesOnRerun() throws Exception {
        Path officeDir = office();
        Path kiosk = enrolledKiosk(officeDir, "3273-01-K01");
        KioskIdentity old = KioskIdentity.load(kiosk);
        // As if the first run had saved the new key and sent it, then lost power.
        KeyPair keys = Ed25519.generate();
        String publicKey = Ed25519.toBase64(keys.getPublic());
        Files.writeString(kiosk.resolve("kiosk.key.new"), Ed25519.toBase64(keys.getPrivate())
                + "\n" + publicKey + "\n");
        AggregatorClient.create(url, Duration.ofSeconds(5), Clock.systemUTC()).signed(old,
                "POST", "/api/v1/kiosk/key", new KeyRotation(2, publicKey,
                        Base64.getEncoder().encodeToString(Ed25519.sign(keys.getPrivate(),
                                KeyRotation.proofText("3273-01-K01", 2, publicKey)))));

        run("kiosk", "rotate-key", "--data-dir", kiosk.toString());

        assertThat(Files.readString(kiosk.resolve("kiosk.key")).strip())
                .isEqualTo(Ed25519.toBase64(keys.getPrivate()));
        recordSurvey(officeDir, kiosk, "3273-20261204-0001");
        sync(kiosk);
    }

    @Test
    void rotateToNewId_needsToken() throws Exception {
        Path officeDir = office();
        Path kiosk = enrolledKiosk(officeDir, "3273-01-K01");

        Cli.Result noToken = new Cli().clock(Clock.systemUTC()).run("kiosk", "rotate-key",
                "--data-dir", kiosk.toString(), "--new-kiosk", "3273-01-K11");
        assertThat(noToken.code()).isEqualTo(2);
        assertThat(noToken.err()).contains("--token");

        Cli.Result rotated = run("kiosk", "rotate-key", "--data-dir", kiosk.toString(),
                "--token", token(officeDir), "--new-kiosk", "3273-01-K11");
        assertThat(rotated.out()).contains("kiosk 3273-01-K11 (version 2)")
                .contains("Revoke the old key");
        assertThat(KioskIdentity.load(kiosk).kioskId().toString()).isEqualTo("3273-01-K11");
    }

    @Test
    void offlineDeskSlips_reachTheKiosk() throws Exception {
        Path officeDir = office();
        Path kiosk = enrolledKiosk(officeDir, "3273-01-K01");

        Cli.Result offline = run("slip", "issue", "--office-dir", officeDir.toString(),
                "--nik", "3273014506900001", "--registration", "3273-20261204-0001",
                "--officer", "PEREKAMAN=" + RECORDER, "--out", temp.resolve("1.png").toString(),
                "--aggregator", "http://127.0.0.1:9");
        assertThat(offline.err()).contains("not yet sent", "slip upload");
        assertThat(officeDir.resolve("slips-unsent.txt")).exists();

        Cli.Result online = run("slip", "issue", "--office-dir", officeDir.toString(),
                "--nik", "3273014506900002", "--registration", "3273-20261204-0002",
                "--officer", "PEREKAMAN=" + RECORDER, "--out", temp.resolve("2.png").toString(),
                "--aggregator", url);
        assertThat(online.out()).contains("Slips sent to the aggregator: 2.");
        assertThat(officeDir.resolve("slips-unsent.txt")).doesNotExist();
        assertThat(run("slip", "upload", "--office-dir", officeDir.toString(), "--aggregator",
                url).out()).contains("No unsent slips.");

        sync(kiosk);

        RegistrationBook book = new RegistrationBook(KioskDatabase.open(
                kiosk.resolve("kiosk.db")));
        String synced = book.find("3273-20261204-0001").orElseThrow();
        assertThat(synced).isEqualTo(QrCodes.read(ImageIO.read(temp.resolve("1.png").toFile()))
                .orElseThrow());
        assertThat(book.find("3273-20261204-0002")).isPresent();
    }

    @Test
    void unregisteredKeySlip_failsAndStaysUnsent() throws Exception {
        office();
        Path copy = temp.resolve("office-copy");
        run("office", "create", "--office-dir", copy.toString(), "--office", "3273-01",
                "--name", "Disdukcapil Kota Bandung");

        Cli.Result issued = new Cli().clock(Clock.systemUTC()).run("slip", "issue",
                "--office-dir", copy.toString(), "--nik", "3273014506900001", "--registration",
                "3273-20261204-0001", "--officer", "PEREKAMAN=" + RECORDER, "--out",
                temp.resolve("1.png").toString(), "--aggregator", url);

        assertThat(issued.code()).isEqualTo(6);
        assertThat(issued.err()).contains("does not accept the key that signed 1 slips")
                .contains("would refuse these slips");
        assertThat(Files.readAllLines(copy.resolve("slips-unsent.txt"))).hasSize(1);
    }

    @Test
    void tooOldSlip_isSetAside() throws Exception {
        Path officeDir = office();

        Cli.Result issued = run("slip", "issue", "--office-dir", officeDir.toString(),
                "--nik", "3273014506900001", "--registration", "3273-20261130-0001",
                "--perekaman-time", Instant.now().minus(Duration.ofDays(5)).toString(),
                "--officer", "PEREKAMAN=" + RECORDER, "--out", temp.resolve("1.png").toString(),
                "--aggregator", url);

        assertThat(issued.err()).contains("rejected slip 3273-20261130-0001")
                .contains("older than 3 days").contains("slips-rejected.txt");
        assertThat(officeDir.resolve("slips-unsent.txt")).doesNotExist();
        assertThat(Files.readString(officeDir.resolve("slips-rejected.txt")))
                .startsWith("KS1:").contains("\tthe perekaman is older than 3 days");
    }

    @Test
    void unlistedOfficer_isIssuedWithWarning() throws Exception {
        Path officeDir = office();
        String unlisted = "198801012012121003";

        Cli.Result issued = run("slip", "issue", "--office-dir", officeDir.toString(),
                "--nik", "3273014506900001", "--registration", "3273-20261204-0001",
                "--officer", "VERIFIKASI=" + VERIFIER, "--officer", "PEREKAMAN=" + unlisted,
                "--out", temp.resolve("1.png").toString());

        assertThat(issued.err()).contains("NIP " + unlisted + " (PEREKAMAN) is not on the roster");
        assertThat(issued.err()).doesNotContain(VERIFIER);
        assertThat(temp.resolve("1.png")).exists();
    }

    @Test
    void unreachableUpload_keepsTheSlips() throws Exception {
        Path officeDir = office();
        run("slip", "issue", "--office-dir", officeDir.toString(), "--nik", "3273014506900001",
                "--registration", "3273-20261204-0001", "--officer", "PEREKAMAN=" + RECORDER,
                "--out", temp.resolve("1.png").toString(), "--aggregator",
                "http://127.0.0.1:9");

        Cli.Result upload = new Cli().clock(Clock.systemUTC()).run("slip", "upload",
                "--office-dir", officeDir.toString(), "--aggregator", "http://127.0.0.1:9");

        assertThat(upload.code()).isNotZero();
        assertThat(upload.err()).contains("cannot be reached");
        assertThat(Files.readAllLines(officeDir.resolve("slips-unsent.txt"))).hasSize(1);
    }

    private Path office() throws Exception {
        Path officeDir = temp.resolve("office");
        run("office", "create", "--office-dir", officeDir.toString(), "--office", "3273-01",
                "--name", "Disdukcapil Kota Bandung");
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, "nip,name,stage\n" + VERIFIER + ",Budi Santoso,VERIFIKASI\n"
                + RECORDER + ",Rina Wulandari,PEREKAMAN\n");
        run("office", "register", "--office-dir", officeDir.toString(), "--aggregator", url,
                "--admin-token", ADMIN_TOKEN, "--roster", roster.toString());
        return officeDir;
    }

    private String token(Path officeDir) {
        return run("office", "enrollment-token", "--office-dir", officeDir.toString(),
                "--aggregator", url, "--admin-token", ADMIN_TOKEN, "--quiet").out().strip();
    }

    private Path enrolledKiosk(Path officeDir, String kioskId) {
        Path dataDir = temp.resolve(kioskId);
        run("kiosk", "create", "--data-dir", dataDir.toString(), "--kiosk", kioskId,
                "--aggregator", url);
        run("kiosk", "enroll", "--data-dir", dataDir.toString(), "--token", token(officeDir));
        return dataDir;
    }

    /** Issues a slip and records its survey as the kiosk app would, without syncing it. */
    private String recordSurvey(Path officeDir, Path dataDir, String registration)
            throws Exception {
        Path slipPng = temp.resolve(registration + ".png");
        run("slip", "issue", "--office-dir", officeDir.toString(), "--nik", "3273014506900001",
                "--registration", registration, "--officer", "VERIFIKASI=" + VERIFIER,
                "--officer", "PEREKAMAN=" + RECORDER, "--out", slipPng.toString());
        ConfigBundle bundle = new BundleStore(dataDir).load().orElseThrow();
        String slipText = QrCodes.read(ImageIO.read(slipPng.toFile())).orElseThrow();
        RegistrationSlip slip = SlipCodec.decode(slipText, KeyRings.offices(bundle));
        KioskIdentity identity = KioskIdentity.load(dataDir);
        KioskDatabase database = KioskDatabase.open(dataDir.resolve("kiosk.db"));
        Clock clock = Clock.systemUTC();
        return new SurveyLedger(database, new Outbox(database, clock, UUID::randomUUID), clock)
                .complete(slip, response(identity, bundle, slip), identity.kioskId(),
                        identity.keyVersion(),
                        ticket -> TicketCodec.encode(ticket, identity.privateKey())).payload();
    }

    private static SyncSummary sync(Path dataDir) throws Exception {
        try (KioskAgent agent = KioskAgent.builder(dataDir).open()) {
            SyncSummary summary = agent.syncOnce();
            assertThat(summary.errors()).isEmpty();
            return summary;
        }
    }

    private static SurveyResponse response(KioskIdentity identity, ConfigBundle bundle,
            RegistrationSlip slip) {
        List<OfficerRating> ratings = new ArrayList<>();
        for (StageOfficer officer : slip.officers()) {
            Map<String, Integer> answers = new LinkedHashMap<>();
            for (Question question : bundle.survey().questions()) {
                answers.put(question.id(), 4);
            }
            ratings.add(new OfficerRating(officer.nip().digits(), officer.stage().name(), true,
                    answers, null));
        }
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        return new SurveyResponse(UUID.randomUUID(), identity.kioskId().toString(),
                bundle.officeId(), bundle.survey().id(), bundle.survey().version(), true, hour,
                slip.perekamanAt().truncatedTo(ChronoUnit.HOURS), "id", ratings, List.of());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SyncJson.newMapper().readTree(response.body());
    }

    private static Cli.Result run(String... args) {
        Cli.Result result = new Cli().clock(Clock.systemUTC()).run(args);
        assertThat(result.code()).as(String.join(" ", args) + "\n" + result).isZero();
        return result;
    }
}
