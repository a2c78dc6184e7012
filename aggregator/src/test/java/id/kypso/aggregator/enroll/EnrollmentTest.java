package id.kypso.aggregator.enroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.kypso.aggregator.testing.TestKiosk;
import id.kypso.aggregator.testing.TestServer;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.ConfigBundle.SignerKey;
import id.kypso.core.sync.Enrollment;
import id.kypso.core.sync.KeyRotation;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentTest {
    @TempDir
    Path dataDir;
    TestServer server;

    @BeforeEach
    void start() {
        server = newServer(dataDir);
        server.office("3273-01", "Disdukcapil Kota Bandung");
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
    void validToken_enrollsKioskOfItsOffice() throws Exception {
        TestKiosk kiosk = new TestKiosk(server, "3273-01-K01", Ed25519.generate());

        HttpResponse<String> response = kiosk.enroll(server.enrollmentToken("3273-01"));

        TestServer.check(response, 200);
        Enrollment.Response body = server.json.readValue(response.body(),
                Enrollment.Response.class);
        assertThat(body.kioskId()).isEqualTo("3273-01-K01");
        assertThat(body.officeId()).isEqualTo("3273-01");
        assertThat(body.officeName()).isEqualTo("Disdukcapil Kota Bandung");
        assertThat(body.protocol()).isEqualTo("kypso-sync/1");
    }

    @Test
    void token_worksOnlyOnce() {
        String token = server.enrollmentToken("3273-01");
        TestServer.check(new TestKiosk(server, "3273-01-K01", Ed25519.generate()).enroll(token),
                200);

        HttpResponse<String> second = new TestKiosk(server, "3273-01-K02", Ed25519.generate())
                .enroll(token);

        assertThat(second.statusCode()).isEqualTo(401);
        assertThat(second.body()).contains("already used");
    }

    @Test
    void expiredToken_isUnauthorized() {
        String token = server.enrollmentToken("3273-01");
        server.clock.advance(Duration.ofHours(24).plusSeconds(1));

        HttpResponse<String> response = new TestKiosk(server, "3273-01-K01", Ed25519.generate())
                .enroll(token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("expired");
    }

    @Test
    void unknownToken_isUnauthorized() {
        HttpResponse<String> response = new TestKiosk(server, "3273-01-K01", Ed25519.generate())
                .enroll("not-a-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
    }

    @Test
    void enrolledKioskWithOtherKey_isConflict() {
        server.enrolledKiosk("3273-01-K01");
        String token = server.enrollmentToken("3273-01");

        HttpResponse<String> response = new TestKiosk(server, "3273-01-K01", Ed25519.generate())
                .enroll(token);

        assertThat(response.statusCode()).isEqualTo(409);
        HttpResponse<String> unusedToken = new TestKiosk(server, "3273-01-K02",
                Ed25519.generate()).enroll(token);
        assertThat(unusedToken.statusCode()).as("a rejected enrollment leaves the token unused")
                .isEqualTo(200);
    }

    @Test
    void sameKioskSameKey_enrollsAgain() {
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");

        HttpResponse<String> again = kiosk.enroll(server.enrollmentToken("3273-01"));

        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenOfOtherOffice_isForbidden() {
        server.office("3273-02", "Kantor dua");

        HttpResponse<String> response = new TestKiosk(server, "3273-01-K01", Ed25519.generate())
                .enroll(server.enrollmentToken("3273-02"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void malformedKioskId_isUnprocessable() {
        HttpResponse<String> response = new TestKiosk(server, "kiosk-1", Ed25519.generate())
                .enroll(server.enrollmentToken("3273-01"));

        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void keyRotation_keepsOldKeyForTickets()
            throws Exception {
        TestKiosk old = server.enrolledKiosk("3273-01-K01");
        KeyPair newKeys = Ed25519.generate();

        HttpResponse<String> rotated = old.signed("POST", "/api/v1/kiosk/key",
                rotation(newKeys, 2));

        TestServer.check(rotated, 200);
        TestKiosk renewed = new TestKiosk(server, "3273-01-K01", newKeys);
        assertThat(old.signed("GET", "/api/v1/config", null).statusCode()).isEqualTo(401);
        HttpResponse<String> config = renewed.signed("GET", "/api/v1/config", null);
        TestServer.check(config, 200);
        ConfigBundle bundle = server.json.readValue(config.body(), ConfigBundle.class);
        assertThat(bundle.kioskKeys()).extracting(SignerKey::signer, SignerKey::keyVersion,
                SignerKey::publicKey).containsExactly(
                        tuple("3273-01-K01", 1, Ed25519.toBase64(old.keys.getPublic())),
                        tuple("3273-01-K01", 2, Ed25519.toBase64(newKeys.getPublic())));
        TestServer.check(renewed.signed("POST", "/api/v1/kiosk/key", rotation(newKeys, 2)),
                200);
    }

    @Test
    void badKeyRotation_isRejected() throws Exception {
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");
        KeyPair newKeys = Ed25519.generate();
        byte[] stolenProof = server.json.writeValueAsBytes(new KeyRotation(2,
                Ed25519.toBase64(newKeys.getPublic()), Base64.getEncoder().encodeToString(
                        Ed25519.sign(Ed25519.generate().getPrivate(), KeyRotation.proofText(
                                "3273-01-K01", 2, Ed25519.toBase64(newKeys.getPublic()))))));

        assertThat(kiosk.signed("POST", "/api/v1/kiosk/key", rotation(newKeys, 1))
                .statusCode()).isEqualTo(409);
        assertThat(kiosk.signed("POST", "/api/v1/kiosk/key", stolenProof).statusCode())
                .isEqualTo(422);
        assertThat(new TestKiosk(server, "3273-01-K01", newKeys).signed("POST",
                "/api/v1/kiosk/key", rotation(newKeys, 2)).statusCode()).isEqualTo(401);
        TestServer.check(kiosk.signed("GET", "/api/v1/config", null), 200);
    }

    private byte[] rotation(KeyPair newKeys, int version) throws Exception {
        String publicKey = Ed25519.toBase64(newKeys.getPublic());
        return server.json.writeValueAsBytes(new KeyRotation(version, publicKey,
                Base64.getEncoder().encodeToString(Ed25519.sign(newKeys.getPrivate(),
                        KeyRotation.proofText("3273-01-K01", version, publicKey)))));
    }
}
