package id.kypso.aggregator.testing;

import id.kypso.core.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.aggregator.Aggregator;
import id.kypso.aggregator.AggregatorOptions;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.sync.SyncJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real aggregator on a loopback port with a real SQLite file (or PostgreSQL), a movable
 * clock and helpers that call its admin API the way an operator's tools would.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final Instant START = Instant.parse("2026-12-04T03:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final Aggregator aggregator;
    public final URI url;
    public final HttpClient http = HttpClient.newHttpClient();
    public final ObjectMapper json = SyncJson.newMapper();

    public TestServer(Path dataDir) {
        this(dataDir, builder -> { });
    }

    public TestServer(Path dataDir, Consumer<AggregatorOptions.Builder> customize) {
        AggregatorOptions.Builder builder = AggregatorOptions.builder()
                .port(0)
                .dataDir(dataDir)
                .adminToken(ADMIN_TOKEN)
                .clock(clock)
                .minimumResponses(3);
        customize.accept(builder);
        aggregator = new Aggregator(builder.build());
        url = aggregator.start();
    }

    /** Starts a server on a new database of the shared test PostgreSQL server. */
    public static TestServer postgres(Path dataDir) {
        PostgresServer postgres = PostgresServer.shared();
        String url = postgres.newDatabase();
        return new TestServer(dataDir, builder -> builder.database(url, postgres.user(), "")
                .databasePoolSize(4));
    }

    /** Registers an office with a fresh key and returns the key pair. */
    public KeyPair office(String officeId, String name) {
        KeyPair keys = Ed25519.generate();
        HttpResponse<String> response = admin("POST", "/api/v1/admin/offices", Map.of(
                "officeId", officeId, "name", name, "publicKey",
                Ed25519.toBase64(keys.getPublic()), "keyVersion", 1));
        check(response, 200);
        return keys;
    }

    public void roster(String officeId, List<Map<String, Object>> officers) {
        check(admin("PUT", "/api/v1/admin/offices/" + officeId + "/roster", officers), 200);
    }

    public String enrollmentToken(String officeId) {
        HttpResponse<String> response = admin("POST", "/api/v1/admin/offices/" + officeId
                + "/enrollment-tokens", null);
        check(response, 200);
        return readTree(response.body()).get("token").asText();
    }

    /** Registers the office if needed, enrolls a new kiosk and returns it. */
    public TestKiosk enrolledKiosk(String kioskId) {
        TestKiosk kiosk = new TestKiosk(this, kioskId, Ed25519.generate());
        HttpResponse<String> response = kiosk.enroll(enrollmentToken(kioskId.substring(0, 7)));
        check(response, 200);
        return kiosk;
    }

    public HttpResponse<String> admin(String method, String path, Object body) {
        try {
            byte[] bytes = body == null ? new byte[0] : json.writeValueAsBytes(body);
            HttpRequest request = HttpRequest.newBuilder(url.resolve(path))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(url.resolve(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode readTree(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    public static void check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected HTTP " + status + " but got "
                    + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        aggregator.close();
    }
}
