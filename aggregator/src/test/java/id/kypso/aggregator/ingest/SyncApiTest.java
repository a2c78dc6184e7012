package id.kypso.aggregator.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kypso.aggregator.testing.TestKiosk;
import id.kypso.aggregator.testing.TestServer;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.Heartbeat;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.PushResponse.Status;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncRecord;
import id.kypso.core.sync.TicketStatus;
import id.kypso.core.ticket.TicketIssued;
import id.kypso.core.ticket.TicketRedeemed;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncApiTest {
    static final String NIP_A = "198503122010011001";
    static final String NIP_B = "199001052015032002";

    @TempDir
    Path dataDir;
    TestServer server;
    TestKiosk kiosk;

    @BeforeEach
    void start() {
        server = newServer(dataDir);
        server.office("3273-01", "Disdukcapil Kota Bandung");
        server.roster("3273-01", List.of(
                Map.of("nip", NIP_A, "name", "Siti Rahma", "stage", "VERIFIKASI"),
                Map.of("nip", NIP_B, "name", "Budi Santoso", "stage", "PEREKAMAN")));
        kiosk = server.enrolledKiosk("3273-01-K01");
    }

    /** Starts the server under test; the PostgreSQL variant overrides this. */
    TestServer newServer(Path dir) {
        return new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private PushResponse push(List<SyncRecord> records) throws Exception {
        HttpResponse<String> response = kiosk.push(records);
        TestServer.check(response, 200);
        assertThat(response.headers().firstValue(SyncHeaders.PROTOCOL)).hasValue("1");
        return server.json.readValue(response.body(), PushResponse.class);
    }

    private SyncRecord response() {
        return kiosk.response(TestServer.START, Map.of(NIP_A, new int[] {4, 4, 3, 4, 4, 3, 4, 4,
                3}), List.of());
    }

    @Test
    void pushedBatch_isStoredOnceWhenPushedTwice() throws Exception {
        List<SyncRecord> batch = List.of(response(), response(), kiosk.record("ticket-issued",
                new TicketIssued("3273-01-K01/1", "3273-01-K01", 1,
                        Instant.parse("2026-12-04T02:15:00Z"),
                        Instant.parse("2026-12-04T03:00:00Z"))));

        PushResponse first = push(batch);
        PushResponse second = push(batch);

        assertThat(first.protocol()).isEqualTo(PushResponse.PROTOCOL);
        assertThat(first.results()).extracting(PushResponse.RecordResult::status)
                .containsExactly(Status.STORED, Status.STORED, Status.STORED);
        assertThat(second.results()).extracting(PushResponse.RecordResult::status)
                .containsExactly(Status.DUPLICATE, Status.DUPLICATE, Status.DUPLICATE);
        assertThat(second.results()).extracting(PushResponse.RecordResult::id)
                .containsExactlyElementsOf(batch.stream().map(SyncRecord::id).toList());
        JsonNode rapor = server.readTree(server.get("/api/v1/rapor/officers/" + NIP_A).body());
        assertThat(rapor.get("responses").asLong()).isEqualTo(2);
    }

    @Test
    void sameIdWithOtherBody_isRejected() throws Exception {
        SyncRecord original = response();
        push(List.of(original));

        SyncRecord changed = kiosk.withPayloadField(original, "language", "en");
        PushResponse result = push(List.of(changed));

        assertThat(result.results().get(0).status()).isEqualTo(Status.REJECTED);
        assertThat(result.results().get(0).reason()).contains("other content");
    }

    @Test
    void sameRecordTwiceInOneBatch_isStoredThenDuplicate() throws Exception {
        SyncRecord record = response();

        PushResponse result = push(List.of(record, record));

        assertThat(result.results()).extracting(PushResponse.RecordResult::status)
                .containsExactly(Status.STORED, Status.DUPLICATE);
        JsonNode rapor = server.readTree(server.get("/api/v1/rapor/officers/" + NIP_A).body());
        assertThat(rapor.get("responses").asLong()).isEqualTo(1);
    }

    @Test
    void responseIdReusedByAnotherRecord_isRejectedAndNotCounted() throws Exception {
        SyncRecord original = response();
        SyncRecord copy = kiosk.record("survey-response", original.payload());

        PushResponse result = push(List.of(original, copy));
        PushResponse retry = push(List.of(copy));

        assertThat(result.results()).extracting(PushResponse.RecordResult::status)
                .containsExactly(Status.STORED, Status.REJECTED);
        assertThat(result.results().get(1).reason()).contains("stored before under another"
                + " record id");
        assertThat(retry.results().get(0).status()).isEqualTo(Status.REJECTED);
        JsonNode rapor = server.readTree(server.get("/api/v1/rapor/officers/" + NIP_A).body());
        assertThat(rapor.get("responses").asLong()).isEqualTo(1);
    }

    @Test
    void duplicateWithKeysInOtherOrder_isDuplicate() throws Exception {
        SyncRecord original = response();
        push(List.of(original));
        com.fasterxml.jackson.databind.node.ObjectNode reordered =
                server.json.createObjectNode();
        List<String> names = new java.util.ArrayList<>();
        original.payload().fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, original.payload().get(name)));

        PushResponse result = push(List.of(new SyncRecord(original.id(), original.sequence(),
                original.type(), original.createdAt(), reordered)));

        assertThat(result.results().get(0).status()).isEqualTo(Status.DUPLICATE);
    }

    @Test
    void invalidRecords_areRejectedWithReasonsAndOthersStored() throws Exception {
        SyncRecord good = response();
        SyncRecord unknownType = kiosk.record("parking-ticket", Map.of("x", 1));
        SyncRecord badAnswer = kiosk.response(TestServer.START, Map.of(NIP_A,
                new int[] {5, 4, 3, 4, 4, 3, 4, 4, 3}), List.of());
        SyncRecord minutePrecision = kiosk.withPayloadField(response(), "surveyedHour",
                "2026-12-04T03:17:00Z");
        SyncRecord otherKiosk = kiosk.withPayloadField(response(), "kioskId", "3273-01-K02");

        PushResponse result = push(List.of(good, unknownType, badAnswer, minutePrecision,
                otherKiosk));

        assertThat(result.results()).extracting(PushResponse.RecordResult::status)
                .containsExactly(Status.STORED, Status.REJECTED, Status.REJECTED,
                        Status.REJECTED, Status.REJECTED);
        assertThat(result.results().get(1).reason()).contains("unknown record type");
        assertThat(result.results().get(2).reason()).contains("must be 1-4: 5");
        assertThat(result.results().get(3).reason()).contains("truncated to the hour");
        assertThat(result.results().get(4).reason()).contains("not the pushing kiosk");
    }

    @Test
    void forgedSignature_isUnauthorized() {
        TestKiosk impostor = new TestKiosk(server, kiosk.kioskId, Ed25519.generate());

        HttpResponse<String> response = impostor.push(List.of(response()));

        assertProblem(response, 401, "/problems/bad-signature");
    }

    @Test
    void staleTimestamp_isUnauthorized() throws Exception {
        byte[] body = server.json.writeValueAsBytes(new Heartbeat(kiosk.kioskId,
                server.clock.instant(), 0, null, 0, "READY", "READY", 1, "1", "1", null, null,
                null));
        long sixMinutesAgo = server.clock.millis() - Duration.ofMinutes(6).toMillis();

        HttpResponse<String> response = kiosk.signed("POST", "/api/v1/heartbeat", body,
                sixMinutesAgo, Map.of());

        assertProblem(response, 401, "/problems/stale-timestamp");
    }

    @Test
    void timestampWithinWindow_isAccepted() throws Exception {
        byte[] body = server.json.writeValueAsBytes(new Heartbeat(kiosk.kioskId,
                server.clock.instant(), 0, null, 0, "READY", "READY", 1, "1", "1", null, null,
                null));
        long fourMinutesAhead = server.clock.millis() + Duration.ofMinutes(4).toMillis();

        HttpResponse<String> response = kiosk.signed("POST", "/api/v1/heartbeat", body,
                fourMinutesAhead, Map.of());

        TestServer.check(response, 200);
    }

    @Test
    void oversizedBody_isRejectedWith413() {
        byte[] body = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');

        HttpResponse<String> response = kiosk.signed("POST", "/api/v1/records", body);

        assertProblem(response, 413, "/problems/body-too-large");
    }

    @Test
    void unknownKiosk_isUnauthorized() {
        TestKiosk stranger = new TestKiosk(server, "3273-01-K09", Ed25519.generate());

        HttpResponse<String> response = stranger.push(List.of());

        assertProblem(response, 401, "/problems/unknown-kiosk");
    }

    @Test
    void revokedKiosk_isUnauthorized() {
        TestServer.check(server.admin("POST", "/api/v1/admin/kiosks/3273-01-K01/revoke", null),
                200);

        HttpResponse<String> response = kiosk.push(List.of());

        assertProblem(response, 401, "/problems/revoked-kiosk");
    }

    @Test
    void badJson_isProblemJson() {
        HttpResponse<String> response = kiosk.signed("POST", "/api/v1/records",
                "{\"kioskId\": \"3273-01-K01\", \"records\": [".getBytes());

        assertProblem(response, 400, "/problems/bad-json");
    }

    @Test
    void unknownField_isProblemJson() {
        HttpResponse<String> response = kiosk.signed("POST", "/api/v1/records",
                "{\"kioskId\": \"3273-01-K01\", \"records\": [], \"extra\": 1}".getBytes());

        assertProblem(response, 400, "/problems/bad-json");
    }

    @Test
    void config_hasOfficeKeysRosterSurveyAndEtag() throws Exception {
        HttpResponse<String> first = kiosk.signed("GET", "/api/v1/config", null);
        TestServer.check(first, 200);
        ConfigBundle bundle = server.json.readValue(first.body(), ConfigBundle.class);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> unchanged = kiosk.signed("GET", "/api/v1/config", null,
                server.clock.millis(), Map.of("If-None-Match", etag));

        assertThat(bundle.format()).isEqualTo(ConfigBundle.FORMAT);
        assertThat(bundle.officeId()).isEqualTo("3273-01");
        assertThat(bundle.officeKeys()).hasSize(1);
        assertThat(bundle.kioskKeys()).extracting(ConfigBundle.SignerKey::signer)
                .containsExactly("3273-01-K01");
        assertThat(bundle.roster()).extracting(ConfigBundle.RosterOfficer::nip)
                .containsExactly(NIP_A, NIP_B);
        assertThat(bundle.survey().id()).isEqualTo("kypso-ktpel");
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void config_changesEtagWhenRosterChanges() {
        String before = kiosk.signed("GET", "/api/v1/config", null).headers()
                .firstValue("ETag").orElseThrow();
        server.roster("3273-01", List.of(Map.of("nip", NIP_A, "name", "Siti Rahma",
                "stage", "PENGAMBILAN")));

        HttpResponse<String> after = kiosk.signed("GET", "/api/v1/config", null,
                server.clock.millis(), Map.of("If-None-Match", before));

        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(before);
    }

    @Test
    void heartbeat_isAcknowledgedWithServerTime() throws Exception {
        byte[] body = server.json.writeValueAsBytes(new Heartbeat(kiosk.kioskId,
                server.clock.instant(), 3, null, 0, "PAPER_END", "READY", 1_000_000, "0.1.0",
                "0.1.0", null, 120L, List.of("printer: paper end")));

        HttpResponse<String> response = kiosk.signed("POST", "/api/v1/heartbeat", body);

        TestServer.check(response, 200);
        Heartbeat.Ack ack = server.json.readValue(response.body(), Heartbeat.Ack.class);
        assertThat(ack.serverTime()).isEqualTo(server.clock.instant());
        assertThat(ack.protocol()).isEqualTo(PushResponse.PROTOCOL);
    }

    @Test
    void ticket_isRedeemedOnceAndSecondRedeemSaysWhenAndBy() throws Exception {
        push(List.of(kiosk.record("ticket-issued", new TicketIssued("3273-01-K01/7",
                "3273-01-K01", 7, Instant.parse("2026-12-04T02:15:00Z"),
                Instant.parse("2026-12-04T03:00:00Z")))));
        TestKiosk counter = server.enrolledKiosk("3273-01-K90");
        TestKiosk otherCounter = server.enrolledKiosk("3273-01-K91");

        TicketStatus issued = server.json.readValue(counter.signed("GET",
                "/api/v1/tickets/3273-01-K01/7", null).body(), TicketStatus.class);
        TicketStatus first = server.json.readValue(counter.signed("POST",
                "/api/v1/tickets/3273-01-K01/7/redeem", null).body(), TicketStatus.class);
        server.clock.advance(Duration.ofMinutes(10));
        TicketStatus second = server.json.readValue(otherCounter.signed("POST",
                "/api/v1/tickets/3273-01-K01/7/redeem", null).body(), TicketStatus.class);

        assertThat(issued.state()).isEqualTo(TicketStatus.State.ISSUED);
        assertThat(first.redeemedNow()).isTrue();
        assertThat(first.state()).isEqualTo(TicketStatus.State.REDEEMED);
        assertThat(second.redeemedNow()).isFalse();
        assertThat(second.state()).isEqualTo(TicketStatus.State.REDEEMED);
        assertThat(second.redeemedBy()).isEqualTo("3273-01-K90");
        assertThat(second.redeemedAt()).isEqualTo(TestServer.START);
    }

    @Test
    void unsyncedTicket_isUnknownThenRedeemedOnce() throws Exception {
        TestKiosk counter = server.enrolledKiosk("3273-01-K90");

        TicketStatus unknown = server.json.readValue(counter.signed("GET",
                "/api/v1/tickets/3273-01-K01/99", null).body(), TicketStatus.class);
        TicketStatus redeemed = server.json.readValue(counter.signed("POST",
                "/api/v1/tickets/3273-01-K01/99/redeem", null).body(), TicketStatus.class);
        PushResponse laterIssue = push(List.of(kiosk.record("ticket-issued",
                new TicketIssued("3273-01-K01/99", "3273-01-K01", 99,
                        Instant.parse("2026-12-04T02:15:00Z"),
                        Instant.parse("2026-12-04T03:00:00Z")))));
        TicketStatus after = server.json.readValue(counter.signed("GET",
                "/api/v1/tickets/3273-01-K01/99", null).body(), TicketStatus.class);

        assertThat(unknown.state()).isEqualTo(TicketStatus.State.UNKNOWN);
        assertThat(redeemed.redeemedNow()).isTrue();
        assertThat(laterIssue.results().get(0).status()).isEqualTo(Status.STORED);
        assertThat(after.state()).isEqualTo(TicketStatus.State.REDEEMED);
    }

    @Test
    void counterOfOtherOffice_cannotCheckTicket() {
        server.office("3273-02", "Disdukcapil Kota Bandung 2");
        TestKiosk foreign = server.enrolledKiosk("3273-02-K90");

        HttpResponse<String> response = foreign.signed("POST",
                "/api/v1/tickets/3273-01-K01/7/redeem", null);

        assertProblem(response, 403, "/problems/forbidden");
    }

    @Test
    void redeemedRecordFromCounter_marksTicketRedeemed() throws Exception {
        TestKiosk counter = server.enrolledKiosk("3273-01-K90");
        HttpResponse<String> pushed = counter.push(List.of(counter.record("ticket-redeemed",
                new TicketRedeemed("3273-01-K01/5", "3273-01-K90",
                        Instant.parse("2026-12-04T02:59:00Z")))));
        TestServer.check(pushed, 200);

        TicketStatus status = server.json.readValue(counter.signed("POST",
                "/api/v1/tickets/3273-01-K01/5/redeem", null).body(), TicketStatus.class);

        assertThat(status.redeemedNow()).isFalse();
        assertThat(status.redeemedBy()).isEqualTo("3273-01-K90");
        assertThat(status.redeemedAt()).isEqualTo(Instant.parse("2026-12-04T02:59:00Z"));
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue(SyncHeaders.PROTOCOL)).hasValue("1");
        assertThat(response.body()).contains("\"type\":\"" + type + "\"")
                .contains("\"status\":" + status).contains("\"detail\"");
    }
}
