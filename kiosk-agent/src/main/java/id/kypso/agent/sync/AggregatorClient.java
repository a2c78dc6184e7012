package id.kypso.agent.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.sync.Heartbeat;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.RegistrationList;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
 * Signed calls to the aggregator's sync API version 1. A response counts only when it carries
 * {@code Kypso-Protocol: 1} and a body of the expected format, so a captive portal's login page
 * or a proxy's error page is never taken for an acknowledgement. The HTTP client never retries
 * or follows redirects on its own: every resend is the caller's decision.
 */
public final class AggregatorClient {
    private static final Logger log = LoggerFactory.getLogger(AggregatorClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    /** The aggregator rejects bodies over 4 MiB with 413; larger pushes are split first. */
    public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    /** Config bundles carry roster photos; anything larger is not a bundle we accept. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
    /** A 401 is retried once after a clock correction larger than this. */
    private static final Duration SKEW_RETRY_THRESHOLD = Duration.ofSeconds(60);

    private final HttpUrl baseUrl;
    private final KioskIdentity identity;
    private final OkHttpClient http;
    private final ClockSkew skew;
    private final ObjectMapper json = SyncJson.newMapper();

    public AggregatorClient(String baseUrl, KioskIdentity identity, OkHttpClient http,
            ClockSkew skew) {
        HttpUrl parsed = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        if (parsed == null) {
            throw new IllegalArgumentException("aggregator URL (aggregator.url in"
                    + " kiosk.properties, or --aggregator) is not an http or https URL: " + baseUrl
                    + "; write it like https://kypso.example.go.id");
        }
        this.baseUrl = parsed;
        this.identity = identity;
        this.http = http;
        this.skew = skew;
    }

    /**
     * Builds the HTTP client the agent uses: no automatic retry on connection failure (a POST
     * must never be resent behind the outbox's back), no redirects, and a call timeout so no
     * request hangs a cycle.
     */
    public static OkHttpClient newHttpClient(Duration callTimeout) {
        Duration phase = callTimeout.compareTo(Duration.ofSeconds(30)) < 0
                ? callTimeout : Duration.ofSeconds(30);
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(phase)
                .readTimeout(phase)
                .writeTimeout(phase)
                .callTimeout(callTimeout)
                .build();
    }

    public HttpUrl baseUrl() {
        return baseUrl;
    }

    /** Pushes a batch of records and returns the aggregator's per-record results. */
    public PushResponse push(PushRequest request) throws SyncException {
        byte[] body = write(request);
        if (body.length > MAX_REQUEST_BYTES) {
            throw new SyncException(SyncException.Kind.BAD_REQUEST, 413, "push of "
                    + request.records().size() + " records is " + body.length
                    + " bytes, over the aggregator's limit of " + MAX_REQUEST_BYTES);
        }
        RawResponse raw = signedExchange("POST", "api/v1/records", body, null);
        requireStatus(raw, 200);
        PushResponse response = read(raw, PushResponse.class);
        if (!PushResponse.PROTOCOL.equals(response.protocol()) || response.results() == null) {
            throw notAggregator(raw, "push response has protocol " + response.protocol()
                    + ", expected " + PushResponse.PROTOCOL);
        }
        if (response.serverTime() != null) {
            skew.measured(raw.sentAt(), raw.receivedAt(), response.serverTime());
        }
        return response;
    }

    /**
     * Fetches the config bundle unless it still has {@code etag}.
     *
     * @param etag the installed bundle's ETag, or null to fetch unconditionally
     */
    public ConfigResponse fetchConfig(String etag) throws SyncException {
        RawResponse raw = signedExchange("GET", "api/v1/config", null, etag);
        if (raw.status() == 304) {
            return new ConfigResponse(true, null, etag);
        }
        requireStatus(raw, 200);
        return new ConfigResponse(false, raw.body(), raw.etag());
    }

    /**
     * Fetches the office's recent registration slips: all of them when {@code since} is null,
     * else those received since then. A body that is not a registration list of our protocol
     * is an error.
     */
    public RegistrationList fetchRegistrations(Instant since) throws SyncException {
        String path = since == null ? "api/v1/registrations"
                : "api/v1/registrations?since=" + since;
        RawResponse raw = signedExchange("GET", path, null, null);
        requireStatus(raw, 200);
        RegistrationList list = read(raw, RegistrationList.class);
        if (!RegistrationList.FORMAT.equals(list.format()) || list.asOf() == null) {
            throw notAggregator(raw, "registration list has format " + list.format()
                    + ", expected " + RegistrationList.FORMAT + " with asOf");
        }
        return list;
    }

    /** Sends a heartbeat and measures clock skew from the acknowledgement. */
    public Heartbeat.Ack heartbeat(Heartbeat heartbeat) throws SyncException {
        RawResponse raw = signedExchange("POST", "api/v1/heartbeat", write(heartbeat), null);
        requireStatus(raw, 200);
        Heartbeat.Ack ack = read(raw, Heartbeat.Ack.class);
        if (!PushResponse.PROTOCOL.equals(ack.protocol()) || ack.serverTime() == null) {
            throw notAggregator(raw, "heartbeat response has protocol " + ack.protocol()
                    + ", expected " + PushResponse.PROTOCOL);
        }
        skew.measured(raw.sentAt(), raw.receivedAt(), ack.serverTime());
        return ack;
    }

    /** A config response: either not modified, or a body still to be validated. */
    public record ConfigResponse(boolean notModified, byte[] body, String etag) {
    }

    private RawResponse signedExchange(String method, String path, byte[] body, String ifNoneMatch)
            throws SyncException {
        Duration usedSkew = skew.current().orElse(Duration.ZERO);
        RawResponse raw = exchange(method, path, body, ifNoneMatch);
        if (raw.status() != 401 || raw.serverDate().isEmpty()) {
            return raw;
        }

        // A 401 may only mean the kiosk clock is off by more than the aggregator's window:
        // correct the estimate from the Date header and retry once.
        skew.measured(raw.sentAt(), raw.receivedAt(), raw.serverDate().get());
        Duration correction = skew.current().orElse(Duration.ZERO).minus(usedSkew).abs();
        if (correction.compareTo(SKEW_RETRY_THRESHOLD) <= 0) {
            return raw;
        }
        log.warn("Aggregator rejected {} {} with 401 and the kiosk clock is {} s off its clock;"
                + " retrying once with the corrected timestamp", method, path,
                skew.current().orElse(Duration.ZERO).toSeconds());
        return exchange(method, path, body, ifNoneMatch);
    }

    private RawResponse exchange(String method, String path, byte[] body, String ifNoneMatch)
            throws SyncException {
        HttpUrl url = baseUrl.resolve(path);
        if (url == null) {
            throw new IllegalArgumentException("cannot resolve " + path + " against " + baseUrl);
        }
        String pathAndQuery = url.encodedQuery() == null
                ? url.encodedPath() : url.encodedPath() + "?" + url.encodedQuery();
        long timestamp = skew.serverMillis();
        Request.Builder request = new Request.Builder()
                .url(url)
                .header(SyncHeaders.KIOSK, identity.kioskId().toString())
                .header(SyncHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(SyncHeaders.SIGNATURE, RequestSignature.sign(identity.privateKey(),
                        method, pathAndQuery, timestamp, body))
                .header("Accept", "application/json")
                .method(method, body == null ? null : RequestBody.create(body, JSON));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }

        Instant sentAt = skew.clock().instant();
        try (Response response = http.newCall(request.build()).execute()) {
            String protocol = response.header(SyncHeaders.PROTOCOL);
            if (!"1".equals(protocol)) {
                throw new SyncException(SyncException.Kind.NOT_AGGREGATOR, response.code(),
                        method + " " + url.encodedPath() + " got status "
                                + response.code() + " and content type "
                                + response.header("Content-Type") + " but without "
                                + SyncHeaders.PROTOCOL + ": 1, so not from the aggregator"
                                + " (a captive portal or proxy?)");
            }
            byte[] bytes = readLimited(response.body().byteStream(), method, url);
            return new RawResponse(response.code(), bytes, response.header("ETag"), sentAt,
                    skew.clock().instant(), parseDate(response.header("Date")),
                    response.header("Retry-After"));
        } catch (IOException e) {
            throw new SyncException(SyncException.Kind.UNREACHABLE, 0, method + " "
                    + url.encodedPath() + " failed: " + e, e);
        }
    }

    private static byte[] readLimited(InputStream in, String method, HttpUrl url)
            throws IOException {
        byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (bytes.length > MAX_RESPONSE_BYTES) {
            throw new IOException("response to " + method + " " + url.encodedPath()
                    + " is larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return bytes;
    }

    private void requireStatus(RawResponse raw, int expected) throws SyncException {
        int status = raw.status();
        if (status == expected) {
            return;
        }
        String detail = "aggregator responded " + status + ": " + problemDetail(raw);
        if (status == 429 || status == 503) {
            throw new SyncException(SyncException.Kind.SERVER_ERROR, status, detail, null,
                    retryAfter(raw));
        }
        SyncException.Kind kind;
        if (status == 401) {
            kind = SyncException.Kind.UNAUTHORIZED;
        } else if (status == 400 || status == 413 || status == 422) {
            kind = SyncException.Kind.BAD_REQUEST;
        } else {
            kind = SyncException.Kind.SERVER_ERROR;
        }
        throw new SyncException(kind, status, detail);
    }

    /** Returns the title and detail of an RFC 9457 problem body, or a placeholder. */
    private String problemDetail(RawResponse raw) {
        try {
            JsonNode problem = json.readTree(raw.body());
            if (problem != null && problem.isObject()) {
                String title = problem.path("title").asText("");
                String detail = problem.path("detail").asText("");
                return detail.isEmpty() ? title : title + " (" + detail + ")";
            }
        } catch (IOException e) {
            log.debug("Problem body is not JSON", e);
        }
        return "no problem details";
    }

    /**
     * Returns the wait the aggregator asked for: the Retry-After header in seconds, or the
     * problem body's {@code retryAfterSeconds}; null when it named none.
     */
    private Duration retryAfter(RawResponse raw) {
        String header = raw.retryAfterHeader();
        if (header != null && header.strip().matches("\\d{1,6}")) {
            return Duration.ofSeconds(Long.parseLong(header.strip()));
        }
        try {
            JsonNode problem = json.readTree(raw.body());
            if (problem != null && problem.path("retryAfterSeconds").canConvertToLong()) {
                return Duration.ofSeconds(problem.get("retryAfterSeconds").asLong());
            }
        } catch (IOException e) {
            log.debug("Problem body is not JSON", e);
        }
        return null;
    }

    private <T> T read(RawResponse raw, Class<T> type) throws SyncException {
        try {
            return json.readValue(raw.body(), type);
        } catch (IOException e) {
            throw notAggregator(raw, "response is not a valid " + type.getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName()
                    + " as JSON", e);
        }
    }

    private static SyncException notAggregator(RawResponse raw, String message) {
        return new SyncException(SyncException.Kind.NOT_AGGREGATOR, raw.status(), message);
    }

    private static Optional<Instant> parseDate(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private record RawResponse(int status, byte[] body, String etag, Instant sentAt,
            Instant receivedAt, Optional<Instant> serverDate, String retryAfterHeader) {
    }
}
