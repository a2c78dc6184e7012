package id.kypso.aggregator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.survey.Complaint;
import id.kypso.core.survey.OfficerRating;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.sync.Enrollment;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncRecord;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** A kiosk as the aggregator sees it: a key pair, an id and signed requests. */
public final class TestKiosk {
    /** The question ids of the bundled survey, in SKM element order U1 to U9. */
    public static final List<String> QUESTIONS = List.of("persyaratan", "prosedur", "waktu",
            "biaya", "produk", "kompetensi", "perilaku", "sarana", "pengaduan");
    private static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();

    public final TestServer server;
    public final String kioskId;
    public final KeyPair keys;
    private final AtomicLong sequence = new AtomicLong();

    public TestKiosk(TestServer server, String kioskId, KeyPair keys) {
        this.server = server;
        this.kioskId = kioskId;
        this.keys = keys;
    }

    public HttpResponse<String> enroll(String token) {
        try {
            byte[] body = server.json.writeValueAsBytes(new Enrollment.Request(token, kioskId,
                    Ed25519.toBase64(keys.getPublic()), 1));
            return server.http.send(HttpRequest.newBuilder(server.url.resolve("/api/v1/enroll"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request signed now by the server's clock. */
    public HttpResponse<String> signed(String method, String path, byte[] body) {
        return signed(method, path, body, server.clock.millis(), Map.of());
    }

    public HttpResponse<String> signed(String method, String path, byte[] body, long timestamp,
            Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : body;
        String signature = RequestSignature.sign(keys.getPrivate(), method, path, timestamp,
                bytes);
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url.resolve(path))
                .header(SyncHeaders.KIOSK, kioskId)
                .header(SyncHeaders.TIMESTAMP, String.valueOf(timestamp))
                .header(SyncHeaders.SIGNATURE, signature)
                .header("Content-Type", "application/json")
                .method(method, bytes.length == 0 && method.equals("GET")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        try {
            return server.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> push(List<SyncRecord> records) {
        try {
            return signed("POST", "/api/v1/records", server.json.writeValueAsBytes(
                    new PushRequest(kioskId, records)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a record of {@code type} with a new time-ordered id and the next sequence. */
    public SyncRecord record(String type, Object payload) {
        JsonNode node = server.json.valueToTree(payload);
        return new SyncRecord(UUIDS.generate(), sequence.incrementAndGet(), type,
                server.clock.instant(), node);
    }

    /** A survey-response record rating each officer with one answer per question, U1-U9. */
    public SyncRecord response(Instant surveyedAt, Map<String, int[]> answersByNip,
            List<Complaint> complaints) {
        List<OfficerRating> ratings = answersByNip.entrySet().stream().map(entry -> {
            Map<String, Integer> answers = new java.util.LinkedHashMap<>();
            int[] values = entry.getValue();
            for (int i = 0; i < values.length; i++) {
                answers.put(QUESTIONS.get(i), values[i]);
            }
            return new OfficerRating(entry.getKey(), "PEREKAMAN", true, answers, null);
        }).toList();
        SurveyResponse response = new SurveyResponse(UUID.randomUUID(), kioskId,
                kioskId.substring(0, 7), "kypso-ktpel", 1, true,
                surveyedAt.truncatedTo(ChronoUnit.HOURS),
                surveyedAt.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS), "id",
                ratings, complaints);
        return record("survey-response", response);
    }

    /** Returns a copy of {@code record} with one payload field changed. */
    public SyncRecord withPayloadField(SyncRecord record, String field, String value) {
        ObjectNode payload = record.payload().deepCopy();
        payload.put(field, value);
        return new SyncRecord(record.id(), record.sequence(), record.type(), record.createdAt(),
                payload);
    }
}
