package id.kypso.aggregator.registration;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.aggregator.testing.TestKiosk;
import id.kypso.aggregator.testing.TestServer;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.OfficeId;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.sync.RegistrationList;
import id.kypso.core.sync.RegistrationUpload;
import id.kypso.core.sync.RegistrationUpload.Status;
import id.kypso.core.testing.Fixtures;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationApiTest {
    @TempDir
    Path dataDir;
    TestServer server;
    KeyPair officeKeys;

    @BeforeEach
    void start() {
        server = newServer(dataDir);
        officeKeys = server.office("3273-01", "Disdukcapil Kota Bandung");
        server.office("3204-01", "Disdukcapil Kabupaten Bandung");
    }

    /** Starts the server under test; the PostgreSQL variant overrides this. */
    TestServer newServer(Path dir) {
        return new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signedSlip_isStoredAndServed() throws Exception {
        String slip = slip("REG-0001", TestServer.START.minus(Duration.ofMinutes(20)));
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");

        assertThat(upload("3273-01", slip).results()).singleElement().satisfies(result -> {
            assertThat(result.registrationNumber()).isEqualTo("REG-0001");
            assertThat(result.status()).isEqualTo(Status.STORED);
        });
        assertThat(upload("3273-01", slip).results()).singleElement()
                .extracting(RegistrationUpload.Result::status).isEqualTo(Status.DUPLICATE);

        HttpResponse<String> list = kiosk.signed("GET", "/api/v1/registrations", null);
        TestServer.check(list, 200);
        RegistrationList body = server.json.readValue(list.body(), RegistrationList.class);
        assertThat(body.format()).isEqualTo("kypso-registrations/1");
        assertThat(body.officeId()).isEqualTo("3273-01");
        assertThat(body.days()).isEqualTo(3);
        assertThat(body.slips()).containsExactly(slip);
    }

    @Test
    void listSince_containsOnlyNewerSlips() throws Exception {
        upload("3273-01", slip("REG-0001", TestServer.START));
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");
        server.clock.advance(Duration.ofMinutes(5));
        RegistrationList full = list(kiosk, "/api/v1/registrations");
        server.clock.advance(Duration.ofMinutes(5));
        String second = slip("REG-0002", TestServer.START);
        upload("3273-01", second);
        server.clock.advance(Duration.ofMinutes(5));

        RegistrationList since = list(kiosk, "/api/v1/registrations?since=" + full.asOf());
        RegistrationList nothingNew = list(kiosk, "/api/v1/registrations?since="
                + since.asOf());

        assertThat(full.complete()).isTrue();
        assertThat(full.slips()).hasSize(1);
        assertThat(since.complete()).isFalse();
        assertThat(since.slips()).containsExactly(second);
        assertThat(since.asOf()).isEqualTo(TestServer.START.plus(Duration.ofMinutes(15)));
        assertThat(nothingNew.slips()).isEmpty();
    }

    @Test
    void listSinceAnInvalidTime_isABadRequest() {
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");

        assertThat(kiosk.signed("GET", "/api/v1/registrations?since=yesterday", null)
                .statusCode()).isEqualTo(400);
    }

    private RegistrationList list(TestKiosk kiosk, String path) throws Exception {
        HttpResponse<String> response = kiosk.signed("GET", path, null);
        TestServer.check(response, 200);
        return server.json.readValue(response.body(), RegistrationList.class);
    }

    @Test
    void badSlips_areRejectedWithReasons()
            throws Exception {
        String forged = SlipCodec.encode(registration("3273-01", "REG-0002", TestServer.START),
                Ed25519.generate().getPrivate());
        String ofOtherOffice = SlipCodec.encode(registration("3204-01", "REG-0004",
                TestServer.START), officeKeys.getPrivate());
        String old = slip("REG-0005", TestServer.START.minus(Duration.ofDays(4)));
        String future = slip("REG-0006", TestServer.START.plus(Duration.ofHours(1)));
        String good = slip("REG-0007", TestServer.START);

        RegistrationUpload.Response response = upload("3273-01", forged, "KS1:DAMAGED",
                ofOtherOffice, old, future, good);

        assertThat(response.results()).extracting(RegistrationUpload.Result::status)
                .containsExactly(Status.REJECTED, Status.REJECTED, Status.REJECTED,
                        Status.REJECTED, Status.REJECTED, Status.STORED);
        assertThat(response.results().get(0).reason()).startsWith("BAD_SIGNATURE");
        assertThat(response.results().get(1).reason()).startsWith("MALFORMED");
        assertThat(response.results().get(2).reason()).startsWith("UNKNOWN_SIGNER");
        assertThat(response.results().get(3).reason()).contains("older than 3 days");
        assertThat(response.results().get(4).reason()).contains("future");
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");
        assertThat(server.json.readValue(kiosk.signed("GET", "/api/v1/registrations", null)
                .body(), RegistrationList.class).slips()).containsExactly(good);
    }

    @Test
    void slipPrintedAgain_replacesTheEarlierOne() throws Exception {
        upload("3273-01", slip("REG-0001", TestServer.START.minusSeconds(600)));
        String reprinted = slip("REG-0001", TestServer.START);

        assertThat(upload("3273-01", reprinted).results()).singleElement()
                .extracting(RegistrationUpload.Result::status).isEqualTo(Status.STORED);
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");
        assertThat(server.json.readValue(kiosk.signed("GET", "/api/v1/registrations", null)
                .body(), RegistrationList.class).slips()).containsExactly(reprinted);
    }

    @Test
    void slipsOlderThanTheWindow_leaveTheList() throws Exception {
        upload("3273-01", slip("REG-0001", TestServer.START));
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");

        server.clock.advance(Duration.ofDays(3).plusSeconds(1));

        assertThat(server.json.readValue(kiosk.signed("GET", "/api/v1/registrations", null)
                .body(), RegistrationList.class).slips()).isEmpty();
    }

    @Test
    void kioskOfAnotherOffice_seesNoneOfThem() throws Exception {
        upload("3273-01", slip("REG-0001", TestServer.START));
        TestKiosk other = server.enrolledKiosk("3204-01-K01");

        RegistrationList list = server.json.readValue(other.signed("GET",
                "/api/v1/registrations", null).body(), RegistrationList.class);

        assertThat(list.officeId()).isEqualTo("3204-01");
        assertThat(list.slips()).isEmpty();
    }

    @Test
    void unsignedListRequest_isUnauthorized() {
        assertThat(server.get("/api/v1/registrations").statusCode()).isEqualTo(401);
    }

    @Test
    void invalidUpload_isAProblem() {
        HttpResponse<String> unknown = post("/api/v1/offices/9999-01/registrations",
                "{\"slips\":[\"KS1:X\"]}");
        HttpResponse<String> empty = post("/api/v1/offices/3273-01/registrations",
                "{\"slips\":[]}");
        HttpResponse<String> garbage = post("/api/v1/offices/3273-01/registrations", "<html>");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    private String slip(String number, Instant perekamanAt) {
        return SlipCodec.encode(registration("3273-01", number, perekamanAt),
                officeKeys.getPrivate());
    }

    private static RegistrationSlip registration(String office, String number,
            Instant perekamanAt) {
        RegistrationSlip template = Fixtures.slip(number);
        return new RegistrationSlip(OfficeId.parse(office), number, perekamanAt,
                MaskedNik.of(Fixtures.NIK), template.nikDigest(), template.officers(), 1);
    }

    private RegistrationUpload.Response upload(String officeId, String... slips) {
        try {
            HttpResponse<String> response = post("/api/v1/offices/" + officeId
                    + "/registrations", server.json.writeValueAsString(
                            new RegistrationUpload(List.of(slips))));
            TestServer.check(response, 200);
            return server.json.readValue(response.body(), RegistrationUpload.Response.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String path, String body) {
        try {
            return server.http.send(HttpRequest.newBuilder(server.url.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
