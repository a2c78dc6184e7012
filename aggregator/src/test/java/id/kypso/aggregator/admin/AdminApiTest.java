package id.kypso.aggregator.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kypso.aggregator.testing.TestServer;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.survey.SurveyDefinitions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminApiTest {
    @TempDir
    Path dataDir;
    TestServer server;

    @BeforeEach
    void start() {
        server = newServer(dataDir);
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
    void wrongAdminToken_isUnauthorized() throws Exception {
        HttpResponse<String> response = server.http.send(HttpRequest.newBuilder(
                URI.create(server.url + "/api/v1/admin/offices"))
                .header("Authorization", "Bearer wrong-token-wrong-token").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("/problems/admin-token");
    }

    @Test
    void officeUpsert_isIdempotentAndRejectsOtherKeyAtSameVersion() {
        String key = Ed25519.toBase64(Ed25519.generate().getPublic());
        Map<String, Object> office = Map.of("officeId", "3273-01", "name", "Kantor",
                "publicKey", key, "keyVersion", 1);

        HttpResponse<String> first = server.admin("POST", "/api/v1/admin/offices", office);
        HttpResponse<String> again = server.admin("POST", "/api/v1/admin/offices", office);
        HttpResponse<String> otherKey = server.admin("POST", "/api/v1/admin/offices", Map.of(
                "officeId", "3273-01", "name", "Kantor", "publicKey",
                Ed25519.toBase64(Ed25519.generate().getPublic()), "keyVersion", 1));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(otherKey.statusCode()).isEqualTo(409);
    }

    @Test
    void rosterWithBadRows_isUnprocessableWithEveryProblem() {
        server.office("3273-01", "Kantor");

        HttpResponse<String> response = server.admin("PUT",
                "/api/v1/admin/offices/3273-01/roster", List.of(
                        Map.of("nip", "123", "name", "A", "stage", "PEREKAMAN"),
                        Map.of("nip", "198503122010011001", "name", "B", "stage", "LUNCH"),
                        Map.of("nip", "198503122010011001", "name", "C", "stage", "PEREKAMAN",
                                "photo", Base64.getEncoder().encodeToString(
                                        "not an image".getBytes(StandardCharsets.UTF_8)))));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problems = server.readTree(response.body()).get("problems");
        assertThat(problems).hasSize(3);
        assertThat(problems.toString()).contains("roster[0].nip").contains("roster[1].stage")
                .contains("roster[2].photo is neither JPEG nor PNG");
    }

    @Test
    void invalidSurvey_isUnprocessableWithProblems() {
        HttpResponse<String> response = server.admin("PUT", "/api/v1/admin/survey", Map.of(
                "format", "kypso-survey/1", "id", "X", "version", 0, "languages", List.of("en"),
                "scaleLabels", Map.of(), "questions", List.of()));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problems = server.readTree(response.body()).get("problems");
        assertThat(problems.size()).isGreaterThanOrEqualTo(4);
        assertThat(response.body()).contains("version must be 1 or more");
    }

    @Test
    void newSurveyVersion_becomesCurrentAndOldStaysKnown() throws Exception {
        var survey = SurveyDefinitions.defaultSurvey();
        var next = new id.kypso.core.survey.SurveyDefinition(survey.format(), survey.id(), 2,
                survey.languages(), survey.scaleLabels(), survey.questions());

        HttpResponse<String> uploaded = server.admin("PUT", "/api/v1/admin/survey",
                server.json.readTree(SurveyDefinitions.toJson(next)));
        HttpResponse<String> conflicting = server.admin("PUT", "/api/v1/admin/survey",
                server.json.readTree(SurveyDefinitions.toJson(
                        new id.kypso.core.survey.SurveyDefinition(survey.format(), survey.id(),
                                2, survey.languages(), survey.scaleLabels(),
                                survey.questions().subList(0, 3)))));
        JsonNode versions = server.readTree(server.admin("GET", "/api/v1/admin/surveys", null)
                .body());

        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(conflicting.statusCode()).isEqualTo(409);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("current").asBoolean()).isTrue();
        assertThat(versions.get(1).get("current").asBoolean()).isFalse();
    }

    @Test
    void enrollmentTokenForUnknownOffice_isNotFound() {
        HttpResponse<String> response = server.admin("POST",
                "/api/v1/admin/offices/3273-09/enrollment-tokens", null);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void revokedOfficeKey_isFlaggedInConfig() throws Exception {
        server.office("3273-01", "Kantor");
        var kiosk = server.enrolledKiosk("3273-01-K01");

        TestServer.check(server.admin("POST", "/api/v1/admin/offices/3273-01/keys/1/revoke",
                null), 200);
        JsonNode bundle = server.readTree(kiosk.signed("GET", "/api/v1/config", null).body());

        assertThat(bundle.get("officeKeys").get(0).get("revoked").asBoolean()).isTrue();
    }

    @Test
    void unsyncedTicket_canBeRevokedAndIsRefused() throws Exception {
        server.office("3273-01", "Kantor");
        var kiosk = server.enrolledKiosk("3273-01-K01");
        var counter = server.enrolledKiosk("3273-01-K90");

        TestServer.check(server.admin("POST", "/api/v1/admin/tickets/3273-01-K01/8/revoke",
                null), 200);
        JsonNode bundle = server.readTree(kiosk.signed("GET", "/api/v1/config", null).body());
        JsonNode redeem = server.readTree(counter.signed("POST",
                "/api/v1/tickets/3273-01-K01/8/redeem", null).body());

        assertThat(bundle.get("revokedTickets").toString()).contains("3273-01-K01/8");
        assertThat(redeem.get("state").asText()).isEqualTo("REVOKED");
        assertThat(redeem.get("redeemedNow").asBoolean()).isFalse();
    }

    @Test
    void revokedTicket_isListedInConfig() throws Exception {
        server.office("3273-01", "Kantor");
        var kiosk = server.enrolledKiosk("3273-01-K01");
        var counter = server.enrolledKiosk("3273-01-K90");
        TestServer.check(counter.signed("POST", "/api/v1/tickets/3273-01-K01/3/redeem", null),
                200);

        TestServer.check(server.admin("POST", "/api/v1/admin/tickets/3273-01-K01/3/revoke",
                null), 200);
        JsonNode bundle = server.readTree(kiosk.signed("GET", "/api/v1/config", null).body());

        assertThat(bundle.get("revokedTickets").toString()).contains("3273-01-K01/3");
    }
}
