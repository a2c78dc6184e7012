package id.kypso.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.aggregator.Aggregator;
import id.kypso.aggregator.AggregatorOptions;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.sync.Enrollment;
import id.kypso.core.sync.SyncJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The project's aggregator on a loopback port with its own SQLite file, set up the way IT
 * staff do it: an office is registered through the admin API and the kiosk enrolled with a
 * one-time token.
 */
public final class RealAggregator implements AutoCloseable {
    private static final String ADMIN_TOKEN = "agent-test-admin-token-0123456789";

    private final Aggregator aggregator;
    private final URI url;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = SyncJson.newMapper();

    private RealAggregator(Aggregator aggregator, URI url) {
        this.aggregator = aggregator;
        this.url = url;
    }

    /** Starts on a free port with a rate limit high enough for drain tests. */
    public static RealAggregator start(Path dataDir) {
        return start(dataDir, builder -> { });
    }

    public static RealAggregator start(Path dataDir,
            Consumer<AggregatorOptions.Builder> customize) {
        AggregatorOptions.Builder builder = AggregatorOptions.builder()
                .port(0)
                .dataDir(dataDir)
                .adminToken(ADMIN_TOKEN)
                .rateLimit(1000, 1000);
        customize.accept(builder);
        Aggregator aggregator = new Aggregator(builder.build());
        URI url = aggregator.start();
        return new RealAggregator(aggregator, url);
    }

    public String url() {
        return url.toString();
    }

    public int port() {
        return url.getPort();
    }

    /** Registers the kiosk's office (with a new office key) and enrolls the kiosk. */
    public void enroll(String kioskId, PublicKey kioskKey) {
        enroll(kioskId, kioskKey, Ed25519.generate().getPublic());
    }

    /** Registers the kiosk's office with {@code officeKey} and enrolls the kiosk. */
    public void enroll(String kioskId, PublicKey kioskKey, PublicKey officeKey) {
        String officeId = kioskId.substring(0, 7);
        send("POST", "/api/v1/admin/offices", Map.of("officeId", officeId, "name",
                "Disdukcapil Kota Bandung", "publicKey", Ed25519.toBase64(officeKey),
                "keyVersion", 1), true);
        JsonNode token = send("POST", "/api/v1/admin/offices/" + officeId
                + "/enrollment-tokens", null, true);
        send("POST", "/api/v1/enroll", new Enrollment.Request(token.get("token").asText(),
                kioskId, Ed25519.toBase64(kioskKey), 1), false);
    }

    /** Posts slips as the perekaman desk does and returns the aggregator's response. */
    public JsonNode uploadSlips(String officeId, List<String> slips) {
        return send("POST", "/api/v1/offices/" + officeId + "/registrations",
                Map.of("slips", slips), false);
    }

    /** Returns the number of stored records of each type pushed by {@code kioskId}. */
    public Map<String, Long> recordsByType(String kioskId) {
        return aggregator.database().read(connection -> {
            Map<String, Long> counts = new HashMap<>();
            try (var select = connection.prepareStatement("SELECT record_type, count(*)"
                    + " FROM sync_record WHERE kiosk_id = ? GROUP BY record_type")) {
                select.setString(1, kioskId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getString(1), rows.getLong(2));
                    }
                }
            }
            return counts;
        });
    }

    /** Runs a query that returns one number, such as a count. */
    public long queryLong(String sql) {
        return aggregator.database().read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Returns the stored payload of each record of {@code kioskId}, by record id. */
    public Map<String, String> payloads(String kioskId) {
        return aggregator.database().read(connection -> {
            Map<String, String> payloads = new HashMap<>();
            try (var select = connection.prepareStatement(
                    "SELECT record_id, payload FROM sync_record WHERE kiosk_id = ?")) {
                select.setString(1, kioskId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        payloads.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            return payloads;
        });
    }

    private JsonNode send(String method, String path, Object body, boolean admin) {
        try {
            byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            if (admin) {
                request.header("Authorization", "Bearer " + ADMIN_TOKEN);
            }
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        aggregator.close();
    }
}
