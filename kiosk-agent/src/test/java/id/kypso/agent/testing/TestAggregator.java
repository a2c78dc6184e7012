package id.kypso.agent.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.survey.SurveyDefinitions;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.Heartbeat;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.RegistrationList;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.SyncRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A loopback stand-in for the aggregator's sync API, for tests that need to steer its answers:
 * it checks signatures and timestamps like the real one, stores records by id and answers
 * DUPLICATE or REJECTED as the protocol says, and can be told to reject chosen records or
 * requests.
 */
public final class TestAggregator implements AutoCloseable {
    private static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);

    private final HttpServer server;
    private final ExecutorService executor;
    private final ObjectMapper json = SyncJson.newMapper();
    private final PublicKey kioskKey;
    private final String kioskId;
    private final Map<UUID, String> records = new ConcurrentHashMap<>();
    private final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private volatile Predicate<SyncRecord> rejectRecord = record -> false;
    private volatile Predicate<SyncRecord> rejectRequestWith = record -> false;
    private volatile byte[] configBody;
    private volatile String configEtag;
    private volatile RegistrationList registrations;
    private final List<String> registrationSince = new CopyOnWriteArrayList<>();

    private TestAggregator(HttpServer server, ExecutorService executor, PublicKey kioskKey,
            String kioskId) {
        this.server = server;
        this.executor = executor;
        this.kioskKey = kioskKey;
        this.kioskId = kioskId;
    }

    /** Starts on a free loopback port and accepts requests signed with {@code kioskKey}. */
    public static TestAggregator start(PublicKey kioskKey, String kioskId) throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        TestAggregator aggregator = new TestAggregator(server, executor, kioskKey, kioskId);
        server.createContext("/", aggregator::handle);
        server.setExecutor(executor);
        server.start();
        aggregator.serveConfig(validBundle("3273-01"));
        aggregator.serveRegistrations("3273-01", List.of());
        return aggregator;
    }

    /** Returns a valid bundle for {@code officeId} with one office key and the default survey. */
    public static ConfigBundle validBundle(String officeId) {
        return validBundle(officeId, Ed25519.generate().getPublic());
    }

    /** Returns a valid bundle whose office key is {@code officePublicKey}. */
    public static ConfigBundle validBundle(String officeId, PublicKey officePublicKey) {
        String officeKey = Ed25519.toBase64(officePublicKey);
        return new ConfigBundle(ConfigBundle.FORMAT, officeId, "Disdukcapil Kota Bandung",
                List.of(new ConfigBundle.SignerKey(officeId, 1, officeKey, false)), List.of(),
                List.of(new ConfigBundle.RosterOfficer("198503122010011001", "Siti Rahma",
                        "VERIFIKASI", null)),
                SurveyDefinitions.defaultSurvey(), List.of());
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Records stored so far, id to the JSON of the record as first pushed. */
    public Map<UUID, String> records() {
        return Collections.unmodifiableMap(records);
    }

    public List<Heartbeat> heartbeats() {
        return List.copyOf(heartbeats);
    }

    /** Answers REJECTED for records matching {@code rule}. */
    public void rejectRecords(Predicate<SyncRecord> rule) {
        this.rejectRecord = rule;
    }

    /** Answers 422 for whole requests that contain a record matching {@code rule}. */
    public void rejectRequestsWith(Predicate<SyncRecord> rule) {
        this.rejectRequestWith = rule;
    }

    /** Serves {@code bundle} from now on under a new ETag. */
    public void serveConfig(ConfigBundle bundle) {
        try {
            serveConfigBytes(json.writeValueAsBytes(bundle));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves raw bytes as the bundle, valid or not. */
    public void serveConfigBytes(byte[] body) {
        configBody = body;
        configEtag = "\"" + RequestSignature.sha256Hex(body).substring(0, 16) + "\"";
    }

    /**
     * Serves {@code slips} as the registrations of {@code officeId} from now on, whole or, to a
     * request with {@code since}, as the slips received since then.
     */
    public void serveRegistrations(String officeId, List<String> slips) {
        registrations = new RegistrationList(RegistrationList.FORMAT, officeId, 3, true, null,
                slips);
    }

    /** Returns the {@code since} of each registration request, "-" for none. */
    public List<String> registrationSince() {
        return List.copyOf(registrationSince);
    }
    public String configEtag() {
        return configEtag;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set(SyncHeaders.PROTOCOL, "1");
            String problem = checkSignature(exchange, body);
            if (problem != null) {
                respond(exchange, 401, problem(401, problem));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (exchange.getRequestMethod() + " " + path) {
                case "POST /api/v1/records" -> push(exchange, body);
                case "GET /api/v1/config" -> config(exchange);
                case "POST /api/v1/heartbeat" -> heartbeat(exchange, body);
                case "GET /api/v1/registrations" -> registrations(exchange);
                default -> respond(exchange, 404, problem(404, "no such endpoint " + path));
            }
        }
    }

    private String checkSignature(HttpExchange exchange, byte[] body) {
        var headers = exchange.getRequestHeaders();
        if (!kioskId.equals(headers.getFirst(SyncHeaders.KIOSK))) {
            return "unknown kiosk " + headers.getFirst(SyncHeaders.KIOSK);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(headers.getFirst(SyncHeaders.TIMESTAMP));
        } catch (NumberFormatException e) {
            return "timestamp missing";
        }
        Duration off = Duration.ofMillis(Math.abs(clock.millis() - timestamp));
        if (off.compareTo(TIMESTAMP_WINDOW) > 0) {
            return "timestamp is " + off.toSeconds() + " s off the server clock";
        }
        String pathAndQuery = exchange.getRequestURI().getRawQuery() == null
                ? exchange.getRequestURI().getRawPath()
                : exchange.getRequestURI().getRawPath() + "?"
                        + exchange.getRequestURI().getRawQuery();
        String signature = headers.getFirst(SyncHeaders.SIGNATURE);
        if (signature == null || !RequestSignature.verify(kioskKey, signature,
                exchange.getRequestMethod(), pathAndQuery, timestamp, body)) {
            return "bad signature";
        }
        return null;
    }

    private void push(HttpExchange exchange, byte[] body) throws IOException {
        PushRequest request = json.readValue(body, PushRequest.class);
        if (request.records().stream().anyMatch(rejectRequestWith)) {
            respond(exchange, 422, problem(422, "a record has an invalid payload"));
            return;
        }
        List<PushResponse.RecordResult> results = new ArrayList<>();
        for (SyncRecord record : request.records()) {
            if (rejectRecord.test(record)) {
                results.add(new PushResponse.RecordResult(record.id(),
                        PushResponse.Status.REJECTED, "invalid payload for the test"));
                continue;
            }
            String text = json.writeValueAsString(record);
            String before = records.putIfAbsent(record.id(), text);
            if (before == null) {
                results.add(new PushResponse.RecordResult(record.id(),
                        PushResponse.Status.STORED, null));
            } else if (before.equals(text)) {
                results.add(new PushResponse.RecordResult(record.id(),
                        PushResponse.Status.DUPLICATE, null));
            } else {
                results.add(new PushResponse.RecordResult(record.id(),
                        PushResponse.Status.REJECTED, "same id with a different body"));
            }
        }
        respond(exchange, 200, json.writeValueAsBytes(
                new PushResponse(PushResponse.PROTOCOL, results, clock.instant())));
    }

    private void config(HttpExchange exchange) throws IOException {
        String etag = configEtag;
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        exchange.getResponseHeaders().set("ETag", etag);
        respond(exchange, 200, configBody);
    }

    private void registrations(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String since = query != null && query.startsWith("since=") ? query.substring(6) : null;
        registrationSince.add(since == null ? "-" : since);
        RegistrationList list = registrations;
        respond(exchange, 200, json.writeValueAsBytes(new RegistrationList(list.format(),
                list.officeId(), list.days(), since == null, clock.instant(), list.slips())));
    }
    private void heartbeat(HttpExchange exchange, byte[] body) throws IOException {
        heartbeats.add(json.readValue(body, Heartbeat.class));
        respond(exchange, 200, json.writeValueAsBytes(
                new Heartbeat.Ack(PushResponse.PROTOCOL, clock.instant())));
    }

    private static byte[] problem(int status, String detail) {
        return ("{\"type\":\"about:blank\",\"title\":\"request rejected\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", status == 200
                ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
