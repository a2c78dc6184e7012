package id.kypso.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.uuid.Generators;
import id.kypso.agent.KioskAgent;
import id.kypso.agent.SyncSummary;
import id.kypso.aggregator.Aggregator;
import id.kypso.aggregator.AggregatorOptions;
import id.kypso.core.config.BundleStore;
import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KeyRings;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.qr.QrCodes;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.survey.Question;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import id.kypso.kiosk.printer.EscPosRenderer;
import id.kypso.kiosk.printer.PrinterProfile;
import id.kypso.kiosk.printer.TicketPrinters;
import id.kypso.kiosk.scan.FrameDecoder;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.Completion;
import id.kypso.kiosk.session.OfficerCard;
import id.kypso.kiosk.session.ScanResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Plays one citizen through the whole chain on this machine, with every part real: the
 * aggregator on loopback with SQLite, the provisioning command lines, the slip as a PNG decoded
 * with ZXing, the kiosk's survey and ticket, the ESC/POS bytes rendered back to an image, the
 * agent's sync, the rapor-el, and the pickup counter's check.
 */
public final class DemoRun {
    static final String OFFICE = "3273-01";
    static final String KIOSK = "3273-01-K01";
    static final String COUNTER = "3273-01-K90";
    static final String RECORDER_NIP = "199001052015032002";
    static final String VERIFIER_NIP = "198503122010011001";
    static final String REGISTRATION = "3273-20261204-0001";

    private final Path workDir;
    private final StepLog log;
    private final Clock clock;
    private final Provisioning provisioning;
    private final ObjectMapper json = SyncJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    public DemoRun(Path workDir, StepLog log, Clock clock) {
        this.workDir = workDir;
        this.log = log;
        this.clock = clock;
        this.provisioning = new Provisioning(clock);
    }

    /** Runs steps 1 to 6 and returns what each produced; throws on the first failure. */
    public DemoResult run() throws Exception {
        Path officeDir = workDir.resolve("office");
        Path kioskDir = workDir.resolve("kiosk");
        Path counterDir = workDir.resolve("counter");
        Path slipFile = workDir.resolve("slips").resolve("slip-1.png");
        Path printerFile = workDir.resolve("printer").resolve("tickets.escpos");
        Files.createDirectories(printerFile.getParent());

        // One response is enough for a figure here, so the demo shows a score; the aggregator's
        // default minimum is higher.
        AggregatorOptions options = AggregatorOptions.builder().port(0)
                .dataDir(workDir.resolve("aggregator")).minimumResponses(1).clock(clock).build();
        try (Aggregator aggregator = new Aggregator(options)) {
            String url = aggregator.start().toString().replaceAll("/$", "");

            log.step("1. IT staff provision the office and enroll a kiosk and a counter");
            log.detail("aggregator listening on " + url + " (SQLite in "
                    + workDir.resolve("aggregator") + ")");
            provisionOffice(officeDir, url, aggregator.adminToken());
            enroll(kioskDir, KIOSK, officeDir, url, aggregator.adminToken());
            enroll(counterDir, COUNTER, officeDir, url, aggregator.adminToken());

            log.step("2. The perekaman desk issues a registration slip");
            provisioning.run("slip", "issue", "--office-dir", officeDir.toString(),
                    "--nik", "3273014506900001", "--registration", REGISTRATION,
                    "--perekaman-time", clock.instant().minus(40, ChronoUnit.MINUTES).toString(),
                    "--officer", "VERIFIKASI=" + VERIFIER_NIP,
                    "--officer", "PEREKAMAN=" + RECORDER_NIP, "--out", slipFile.toString(),
                    "--aggregator", url);
            log.detail("slip PNG written to " + slipFile + " (NIK shown masked only)");
            log.detail("slip sent to the aggregator, so a kiosk can check its number if typed");

            log.step("3. The citizen scans the slip at the kiosk and rates each officer");
            SyncSummary firstSync = agent(kioskDir, url).syncOnce();
            log.detail(firstSync.configInstalled()
                    ? "agent installed the office's keys, roster and survey from the aggregator"
                    : "agent did not install a config: " + firstSync.errors());
            log.detail("agent pulled " + new RegistrationBook(KioskDatabase.open(
                    kioskDir.resolve("kiosk.db"))).count() + " registration slip(s) of the office");
            String slipText = readQr(slipFile);
            log.detail("camera frame decoded: " + slipText.length() + " characters, starts "
                    + slipText.substring(0, 4));
            KioskDatabase kioskDatabase = KioskDatabase.open(kioskDir.resolve("kiosk.db"));
            CitizenSession session = session(kioskDir, kioskDatabase, printerFile);
            ScanResult scan = session.scan(slipText);
            if (!(scan instanceof ScanResult.Accepted accepted)) {
                throw new IllegalStateException("kiosk rejected the slip: " + scan);
            }
            for (OfficerCard officer : accepted.officers()) {
                log.detail("officer shown: " + officer.name() + " (" + officer.stage() + ")");
            }
            answerEverything(session, accepted.officers().size());
            Completion completion = session.complete();
            if (!(completion instanceof Completion.Issued issued)) {
                throw new IllegalStateException("survey not completed: " + completion);
            }
            log.detail("survey stored; ticket " + issued.ticket().ticketId() + " short code "
                    + issued.ticket().shortCode());

            log.step("4. The ticket is printed as ESC/POS and its QR code checks out");
            byte[] printed = Files.readAllBytes(printerFile);
            BufferedImage paper = EscPosRenderer.render(printed);
            Path paperImage = workDir.resolve("printer").resolve("ticket.png");
            ImageIO.write(paper, "png", paperImage.toFile());
            String ticketText = QrCodes.read(paper).orElseThrow(() ->
                    new IllegalStateException("no QR code in the rendered ticket"));
            SyncSummary counterSync = agent(counterDir, url).syncOnce();
            ConfigBundle counterBundle = new BundleStore(counterDir).load().orElseThrow();
            Ticket ticket = TicketCodec.decode(ticketText, KeyRings.kiosks(counterBundle));
            log.detail(printed.length + " ESC/POS bytes; rendered to " + paperImage);
            log.detail("ticket QR verified with the kiosk key: " + ticket.ticketId() + ", "
                    + ticket.maskedNik() + ", " + ticket.registrationNumber());

            log.step("5. The agent syncs and the aggregator publishes the rapor-el");
            SyncSummary push = agent(kioskDir, url).syncOnce();
            log.detail("pushed " + push.pushed() + " records: " + push.stored() + " stored, "
                    + push.duplicates() + " duplicates");
            int resent = markAllPending(kioskDatabase);
            SyncSummary again = agent(kioskDir, url).syncOnce();
            log.detail("pushed the same " + resent + " records again: " + again.stored()
                    + " stored, " + again.duplicates() + " duplicates");
            JsonNode rapor = getJson(url + "/api/v1/rapor/officers/" + RECORDER_NIP);
            log.detail("rapor-el of " + rapor.path("name").asText() + ": index "
                    + rapor.path("index").asText() + ", band " + rapor.path("band").asText()
                    + ", " + rapor.path("responses").asText() + " response(s)");
            log.detail("HTML page, served until the demo ends (scripts/run without --headless"
                    + " keeps an aggregator running): " + url + "/rapor/officers/" + RECORDER_NIP);

            log.step("6. The pickup counter scans the ticket");
            CounterDesk counter = new CounterDesk(counterDir, url, clock);
            CounterDesk.Verdict first = counter.check(ticketText);
            CounterDesk.Verdict second = counter.check(ticketText);
            log.detail("first scan: " + first);
            log.detail("second scan: " + second);

            return new DemoResult(slipText, accepted, issued, printed, ticket, firstSync,
                    counterSync, push, again, rapor, first, second);
        }
    }

    private void provisionOffice(Path officeDir, String url, String adminToken)
            throws IOException {
        provisioning.run("office", "create", "--office-dir", officeDir.toString(),
                "--office", OFFICE, "--name", "Disdukcapil Kota Bandung");
        Path roster = workDir.resolve("roster.json");
        try (InputStream in = DemoRun.class.getResourceAsStream("roster.json")) {
            Files.write(roster, in.readAllBytes());
        }
        provisioning.run("office", "register", "--office-dir", officeDir.toString(),
                "--aggregator", url, "--admin-token", adminToken, "--roster", roster.toString());
        log.detail("office " + OFFICE + " created, its public key and roster registered");
    }

    private void enroll(Path dataDir, String kioskId, Path officeDir, String url,
            String adminToken) {
        provisioning.run("kiosk", "create", "--data-dir", dataDir.toString(), "--kiosk",
                kioskId, "--aggregator", url);
        String token = provisioning.run("office", "enrollment-token", "--office-dir",
                officeDir.toString(), "--aggregator", url, "--admin-token", adminToken,
                "--quiet");
        provisioning.run("kiosk", "enroll", "--data-dir", dataDir.toString(), "--token", token);
        log.detail(kioskId + " created and enrolled with a one-time token");
    }

    private KioskAgent agent(Path dataDir, String url) throws ConfigException {
        return KioskAgent.builder(dataDir).aggregatorUrl(url).clock(clock).open();
    }

    CitizenSession session(Path kioskDir, KioskDatabase database, Path printerFile)
            throws ConfigException {
        KioskIdentity identity = KioskIdentity.load(kioskDir);
        BundleStore bundles = new BundleStore(kioskDir);
        Outbox outbox = new Outbox(database, clock,
                Generators.timeBasedEpochGenerator()::generate);
        return new CitizenSession(identity, () -> {
            try {
                return bundles.load();
            } catch (ConfigException e) {
                return Optional.empty();
            }
        }, new SurveyLedger(database, outbox, clock), new RegistrationBook(database),
                TicketPrinters.create("file:" + printerFile, PrinterProfile.defaults()), clock,
                Generators.timeBasedEpochGenerator()::generate);
    }

    // A citizen content with the service: "Sangat baik" (4) to every question, "Baik" (3) to
    // the question on waiting time.
    private void answerEverything(CitizenSession session, int officers) {
        List<Question> questions = session.questions();
        for (int officer = 0; officer < officers; officer++) {
            for (Question question : questions) {
                int value = question.id().equals("waktu") ? 3 : 4;
                session.answer(officer, question.id(), value);
            }
        }
        log.detail("answered " + questions.size() + " questions for each of " + officers
                + " officers");
    }

    /** Sets every outbox record back to pending, as a kiosk that lost the answers would. */
    private static int markAllPending(KioskDatabase database) {
        return database.inTransaction(connection -> {
            try (var update = connection.prepareStatement(
                    "UPDATE outbox SET state = 'PENDING', sent_at = NULL")) {
                return update.executeUpdate();
            }
        });
    }

    private static String readQr(Path image) throws IOException {
        BufferedImage frame = ImageIO.read(image.toFile());
        if (frame == null) {
            throw new IOException(image + " is not an image");
        }
        return new FrameDecoder().decode(frame).orElseThrow(() ->
                new IllegalStateException("no QR code found in " + image));
    }

    private JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " returned HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }
}
