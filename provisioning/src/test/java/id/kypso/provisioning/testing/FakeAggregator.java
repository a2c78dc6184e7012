package id.kypso.provisioning.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.survey.SurveyDefinitions;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.SyncRecord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small stand-in for the aggregator on a loopback port, speaking the parts of sync API v1
 * that provisioning calls, for tests that must run without the aggregator module. It checks
 * the admin token, one-time enrollment tokens and request signatures like the real one.
 */
public final class FakeAggregator implements AutoCloseable {
    public static final String ADMIN_TOKEN = "admin-secret-token";

    private final ObjectMapper json = SyncJson.newMapper();
    private final HttpServer server;
    private final Map<String, JsonNode> offices = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> rosters = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> kioskKeys = new ConcurrentHashMap<>();
    private final Map<String, Integer> kioskKeyVersions = new ConcurrentHashMap<>();
    private final List<SyncRecord> records = new CopyOnWriteArrayList<>();

    public FakeAggregator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Map<String, JsonNode> offices() {
        return offices;
    }

    public Map<String, JsonNode> rosters() {
        return rosters;
    }

    public Map<String, String> kioskKeys() {
        return kioskKeys;
    }

    public List<SyncRecord> records() {
        return records;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add(SyncHeaders.PROTOCOL, "1");
            if (path.equals("/health")) {
                send(exchange, 200, Map.of("status", "UP"));
            } else if (path.startsWith("/api/v1/admin/")) {
                admin(exchange, method, path, body);
            } else if (path.equals("/api/v1/enroll")) {
                enroll(exchange, body);
            } else if (path.equals("/api/v1/config")) {
                String kiosk = verify(exchange, method, path, body);
                if (kiosk != null) {
                    send(exchange, 200, bundle(kiosk));
                }
            } else if (path.equals("/api/v1/records")) {
                String kiosk = verify(exchange, method, path, body);
                if (kiosk != null) {
                    push(exchange, body);
                }
            } else {
                problem(exchange, 404, "no such endpoint " + path);
            }
        }
    }

    private void admin(HttpExchange exchange, String method, String path, byte[] body)
            throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + ADMIN_TOKEN).equals(authorization)) {
            problem(exchange, 401, "admin token missing or wrong");
            return;
        }
        String[] parts = path.split("/");
        if (method.equals("POST") && path.equals("/api/v1/admin/offices")) {
            JsonNode office = json.readTree(body);
            offices.put(office.path("officeId").asText(), office);
            send(exchange, 200, office);
        } else if (method.equals("PUT") && path.endsWith("/roster")) {
            if (!offices.containsKey(parts[5])) {
                problem(exchange, 404, "office " + parts[5] + " is not registered");
                return;
            }
            rosters.put(parts[5], json.readTree(body));
            send(exchange, 200, Map.of("officers", json.readTree(body).size()));
        } else if (method.equals("POST") && path.endsWith("/enrollment-tokens")) {
            if (!offices.containsKey(parts[5])) {
                problem(exchange, 404, "office " + parts[5] + " is not registered");
                return;
            }
            String token = UUID.randomUUID().toString().replace("-", "");
            tokens.put(token, parts[5]);
            send(exchange, 200, Map.of("token", token,
                    "expiresAt", "2099-01-01T00:00:00Z"));
        } else {
            problem(exchange, 404, "no such admin endpoint");
        }
    }

    private void enroll(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = json.readTree(body);
        String office = tokens.remove(request.path("token").asText());
        if (office == null) {
            problem(exchange, 401, "enrollment token unknown, used or expired");
            return;
        }
        String kioskId = request.path("kioskId").asText();
        if (!kioskId.startsWith(office + "-")) {
            problem(exchange, 422, "kiosk " + kioskId + " does not belong to office " + office);
            return;
        }
        String key = request.path("publicKey").asText();
        int version = request.path("keyVersion").asInt();
        String existing = kioskKeys.get(kioskId);
        if (existing != null && !existing.equals(key)
                && version <= kioskKeyVersions.get(kioskId)) {
            problem(exchange, 409, "kiosk " + kioskId + " is enrolled with another key");
            return;
        }
        kioskKeys.put(kioskId, key);
        kioskKeyVersions.put(kioskId, version);
        send(exchange, 200, Map.of("protocol", "kypso-sync/1", "kioskId", kioskId,
                "officeId", office, "officeName", offices.get(office).path("name").asText()));
    }

    private String verify(HttpExchange exchange, String method, String path, byte[] body)
            throws IOException {
        String kiosk = exchange.getRequestHeaders().getFirst(SyncHeaders.KIOSK);
        String timestamp = exchange.getRequestHeaders().getFirst(SyncHeaders.TIMESTAMP);
        String signature = exchange.getRequestHeaders().getFirst(SyncHeaders.SIGNATURE);
        String key = kiosk == null ? null : kioskKeys.get(kiosk);
        if (key == null || timestamp == null || signature == null
                || !RequestSignature.verify(Ed25519.publicKey(key), signature, method, path,
                        Long.parseLong(timestamp), body)) {
            problem(exchange, 401, "unknown kiosk or bad signature");
            return null;
        }
        return kiosk;
    }

    private ConfigBundle bundle(String kiosk) {
        String office = kiosk.substring(0, 7);
        JsonNode officeNode = offices.get(office);
        List<ConfigBundle.RosterOfficer> roster = new ArrayList<>();
        for (JsonNode officer : rosters.getOrDefault(office, json.createArrayNode())) {
            roster.add(new ConfigBundle.RosterOfficer(officer.path("nip").asText(),
                    officer.path("name").asText(), officer.path("stage").asText(),
                    officer.path("photo").isNull() ? null : officer.path("photo").asText()));
        }
        return new ConfigBundle(ConfigBundle.FORMAT, office, officeNode.path("name").asText(),
                List.of(new ConfigBundle.SignerKey(office, officeNode.path("keyVersion").asInt(),
                        officeNode.path("publicKey").asText(), false)),
                List.of(new ConfigBundle.SignerKey(kiosk, kioskKeyVersions.get(kiosk),
                        kioskKeys.get(kiosk), false)),
                roster, SurveyDefinitions.defaultSurvey(), List.of());
    }

    private void push(HttpExchange exchange, byte[] body) throws IOException {
        PushRequest request = json.readValue(body, PushRequest.class);
        List<PushResponse.RecordResult> results = new ArrayList<>();
        for (SyncRecord record : request.records()) {
            boolean seen = records.stream().anyMatch(r -> r.id().equals(record.id()));
            if (!seen) {
                records.add(record);
            }
            results.add(new PushResponse.RecordResult(record.id(),
                    seen ? PushResponse.Status.DUPLICATE : PushResponse.Status.STORED, null));
        }
        send(exchange, 200, new PushResponse(PushResponse.PROTOCOL, results, Instant.now()));
    }

    private void problem(HttpExchange exchange, int status, String detail) throws IOException {
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", "rejected");
        problem.put("status", status);
        problem.put("detail", detail);
        byte[] bytes = json.writeValueAsBytes(problem);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
