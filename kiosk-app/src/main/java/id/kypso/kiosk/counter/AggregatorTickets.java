package id.kypso.kiosk.counter;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.TicketStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Calls {@code POST /api/v1/tickets/{kioskId}/{serial}/redeem} on the aggregator, signed with
 * the counter's own kiosk key. Timeouts are short because a person is waiting at the counter.
 */
public final class AggregatorTickets implements OnlineTickets {
    /** The limit on the whole call, from connecting to reading the response. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpUrl baseUrl;
    private final KioskIdentity counter;
    private final Clock clock;
    private final OkHttpClient http;
    private final ObjectMapper json = SyncJson.newMapper();

    /**
     * @param baseUrl the aggregator's URL, such as {@code https://kypso.example.go.id}
     */
    public AggregatorTickets(String baseUrl, KioskIdentity counter, Clock clock) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("aggregator URL is invalid: " + baseUrl);
        }
        this.baseUrl = parsed;
        this.counter = counter;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .callTimeout(TIMEOUT)
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .build();
    }

    @Override
    public TicketStatus redeem(String kioskId, long serial) throws IOException {
        HttpUrl url = baseUrl.newBuilder()
                .addPathSegments("api/v1/tickets")
                .addPathSegment(kioskId)
                .addPathSegment(Long.toString(serial))
                .addPathSegment("redeem")
                .build();
        byte[] body = new byte[0];
        long timestamp = clock.millis();
        String signature = RequestSignature.sign(counter.privateKey(), "POST", pathAndQuery(url),
                timestamp, body);
        Request request = new Request.Builder()
                .url(url)
                .post(RequestBody.create(body))
                .header(SyncHeaders.KIOSK, counter.kioskId().toString())
                .header(SyncHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(SyncHeaders.SIGNATURE, signature)
                .build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            if (!response.isSuccessful()) {
                throw new IOException("aggregator returned HTTP " + response.code()
                        + " for POST " + url.encodedPath());
            }
            return json.readValue(responseBody.bytes(), TicketStatus.class);
        }
    }

    private static String pathAndQuery(HttpUrl url) {
        String query = url.encodedQuery();
        return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
    }
}
