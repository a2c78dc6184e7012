package id.kypso.provisioning.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.RequestSignature;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls provisioning makes to the aggregator: admin calls with a bearer token, enrollment
 * with a one-time token, and calls signed with a kiosk key, all as JSON through
 * {@link SyncJson#newMapper()}.
 */
public final class AggregatorClient {
    private static final Logger log = LoggerFactory.getLogger(AggregatorClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final Clock clock;
    private final ObjectMapper json = SyncJson.newMapper();

    private AggregatorClient(HttpUrl baseUrl, OkHttpClient http, Clock clock) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.clock = clock;
    }

    /**
     * Creates a client for the aggregator at {@code url}.
     *
     * @throws IllegalArgumentException when {@code url} is not an http or https URL without a
     *     path, query or fragment
     */
    public static AggregatorClient create(String url, Duration timeout, Clock clock) {
        HttpUrl parsed = parseBaseUrl(url);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(3))
                .retryOnConnectionFailure(false)
                .build();
        return new AggregatorClient(parsed, http, clock);
    }

    /** Returns {@code url} normalized (no trailing slash) if it is a valid aggregator URL. */
    public static String normalize(String url) {
        String text = parseBaseUrl(url).toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static HttpUrl parseBaseUrl(String url) {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
        if (parsed == null) {
            throw new IllegalArgumentException("not an http or https URL: " + url);
        }
        if (!parsed.encodedPath().equals("/") || parsed.query() != null
                || parsed.fragment() != null) {
            throw new IllegalArgumentException("aggregator URL must have no path, query or"
                    + " fragment: " + url);
        }
        return parsed;
    }

    public String baseUrl() {
        return normalize(baseUrl.toString());
    }

    /** Sends an admin request with a JSON body and returns the response body, null if empty. */
    public JsonNode admin(String method, String path, String adminToken, Object body)
            throws AggregatorException {
        Request request = new Request.Builder()
                .url(resolve(path))
                .header("Authorization", "Bearer " + adminToken)
                .method(method, jsonBody(body))
                .build();
        return readJson(execute(request), request);
    }

    /** Sends an unsigned JSON POST (enrollment) and reads the response body as {@code type}. */
    public <T> T post(String path, Object body, Class<T> type) throws AggregatorException {
        Request request = new Request.Builder().url(resolve(path)).post(jsonBody(body)).build();
        return convert(readJson(execute(request), request), type, request);
    }

    /**
     * Sends a request signed with the kiosk key ({@code body} is null for a GET) and returns
     * the response, already read into memory.
     */
    public SignedAnswer signed(KioskIdentity identity, String method, String pathAndQuery,
            Object body) throws AggregatorException {
        byte[] bytes = body == null ? new byte[0] : writeJson(body);
        long timestamp = clock.millis();
        String signature = RequestSignature.sign(identity.privateKey(), method, pathAndQuery,
                timestamp, bytes);
        Request request = new Request.Builder()
                .url(resolve(pathAndQuery))
                .header(SyncHeaders.KIOSK, identity.kioskId().toString())
                .header(SyncHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(SyncHeaders.SIGNATURE, signature)
                .method(method, body == null ? null : RequestBody.create(bytes, JSON))
                .build();
        Answer answer = execute(request);
        return new SignedAnswer(answer.status(), answer.body(), answer.etag(),
                readJson(answer, request));
    }

    /** Reads {@code node}, such as a signed response body, as {@code type}. */
    public <T> T convert(JsonNode node, Class<T> type, String url) throws AggregatorException {
        try {
            return json.treeToValue(node, type);
        } catch (IOException e) {
            throw new AggregatorException(url, 200, "response is not a valid "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** Calls {@code GET /health} and returns the status and the server's clock. */
    public Health health() throws AggregatorException {
        Request request = new Request.Builder().url(resolve("/health")).get().build();
        Instant sentAt = clock.instant();
        try (Response response = http.newCall(request).execute()) {
            Instant receivedAt = clock.instant();
            Date date = response.headers().getDate("Date");
            return new Health(response.code(), response.header(SyncHeaders.PROTOCOL),
                    Optional.ofNullable(date).map(Date::toInstant), sentAt, receivedAt);
        } catch (IOException e) {
            log.warn("Health check of {} failed: {}", request.url(), e.toString());
            throw new AggregatorException(request.url().toString(), 0, describe(e), e);
        }
    }

    private HttpUrl resolve(String pathAndQuery) {
        HttpUrl url = baseUrl.resolve(pathAndQuery);
        if (url == null) {
            throw new IllegalArgumentException("cannot resolve " + pathAndQuery);
        }
        return url;
    }

    private RequestBody jsonBody(Object body) {
        return body == null ? null : RequestBody.create(writeJson(body), JSON);
    }

    private byte[] writeJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
    }

    private Answer execute(Request request) throws AggregatorException {
        String url = request.url().toString();
        try (Response response = http.newCall(request).execute()) {
            byte[] body = response.body().bytes();
            int status = response.code();
            if (status == 304) {
                return new Answer(status, body, response.header("ETag"));
            }
            if (status < 200 || status > 299) {
                String detail = problemDetail(body).orElse(response.message());
                log.warn("{} {} rejected with HTTP {}: {}", request.method(), request.url(),
                        status, detail);
                throw new AggregatorException(url, status, detail, null);
            }
            if (response.header(SyncHeaders.PROTOCOL) == null) {
                throw new AggregatorException(url, status, "the response has no "
                        + SyncHeaders.PROTOCOL + " header, so this is not a KYPSO aggregator"
                        + " (a proxy or captive portal?)", null);
            }
            return new Answer(status, body, response.header("ETag"));
        } catch (IOException e) {
            log.warn("{} {} failed: {}", request.method(), request.url(), e.toString());
            throw new AggregatorException(url, 0, describe(e), e);
        }
    }

    private JsonNode readJson(Answer answer, Request request) throws AggregatorException {
        if (answer.body().length == 0) {
            return null;
        }
        try {
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new AggregatorException(request.url().toString(), answer.status(),
                    "response is not JSON: " + e.getMessage(), e);
        }
    }

    private <T> T convert(JsonNode node, Class<T> type, Request request)
            throws AggregatorException {
        if (node == null) {
            throw new AggregatorException(request.url().toString(), 200, "response body is empty",
                    null);
        }
        return convert(node, type, request.url().toString());
    }

    private Optional<String> problemDetail(byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem == null || !problem.isObject()) {
                return Optional.empty();
            }
            String detail = problem.path("detail").asText("");
            String title = problem.path("title").asText("");
            String text = detail.isBlank() ? title : detail;
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private record Answer(int status, byte[] body, String etag) {
    }

    /** The response to a signed request: status, raw body, ETag and the body read as JSON. */
    public record SignedAnswer(int status, byte[] body, String etag, JsonNode json) {
    }

    /**
     * The response to {@code GET /health}.
     *
     * @param protocol the {@code Kypso-Protocol} header, null when absent
     * @param serverDate the server clock from the {@code Date} header (1-second resolution)
     */
    public record Health(int status, String protocol, Optional<Instant> serverDate,
            Instant sentAt, Instant receivedAt) {

        /** Returns local clock minus server clock, measured at the middle of the exchange. */
        public Optional<Duration> clockSkew() {
            Instant middle = sentAt.plus(Duration.between(sentAt, receivedAt).dividedBy(2));
            return serverDate.map(server -> Duration.between(server, middle));
        }
    }
}
