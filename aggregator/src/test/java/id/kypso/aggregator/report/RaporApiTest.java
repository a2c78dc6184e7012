package id.kypso.aggregator.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kypso.aggregator.testing.TestKiosk;
import id.kypso.aggregator.testing.TestServer;
import id.kypso.core.survey.Complaint;
import id.kypso.core.survey.ComplaintCategory;
import id.kypso.core.sync.SyncRecord;
import id.kypso.core.ticket.TicketIssued;
import id.kypso.core.ticket.TicketRedeemed;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rapor-el figures through the HTTP API, from records pushed by a kiosk, against this table
 * worked out by hand (minimum responses 3):
 *
 * <pre>
 *            U1 U2 U3 U4 U5 U6 U7 U8 U9
 * A, R1       4  4  3  4  4  3  4  4  3
 * A, R2       3  4  3  4  3  3  4  4  2
 * A, R3       4  3  2  4  4  3  3  4  3
 * A sums     11 11  8 12 11  9 11 12  8   total 93
 * A means   3.6667 3.6667 2.6667 4 3.6667 3 3.6667 4 2.6667, sum 31
 * A index   25 x 31 / 9 = 86.111.. -> 86.11, band B
 * A U1      25 x 11 / 3 = 91.67; U3 25 x 8 / 3 = 66.67; U4 100.00; U6 75.00
 * principles of A: Akuntabilitas (U4, U9) 25 x 20 / 6 = 83.33 B;
 *   Profesionalitas (U5, U6) 25 x 20 / 6 = 83.33 B; Efektif dan efisien (U3) 66.67 C
 * B, R1 and R2 all 4s: 2 responses, below the minimum: not enough responses.
 * Office (every answer of A and B pooled per element): U1 (11 + 8) / 5 = 3.8,
 *   U2 (11 + 8) / 5 = 3.8, U3 (8 + 8) / 5 = 3.2, U4 20 / 5 = 4, U5 19 / 5 = 3.8,
 *   U6 17 / 5 = 3.4, U7 19 / 5 = 3.8, U8 20 / 5 = 4, U9 16 / 5 = 3.2, sum 33
 *   index 25 x 33 / 9 = 91.666.. -> 91.67, band A; responses 3 (R2 and R3 of A carried
 *   B's ratings too, so the office has 3 citizens).
 * </pre>
 */
class RaporApiTest {
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
        Instant december = Instant.parse("2026-12-03T02:00:00Z");
        List<SyncRecord> records = new ArrayList<>();
        records.add(kiosk.response(december, Map.of(NIP_A, new int[] {4, 4, 3, 4, 4, 3, 4, 4,
                3}), List.of(new Complaint(NIP_A, ComplaintCategory.LEFT_WAITING,
                        "Menunggu lama"))));
        Map<String, int[]> second = new LinkedHashMap<>();
        second.put(NIP_A, new int[] {3, 4, 3, 4, 3, 3, 4, 4, 2});
        second.put(NIP_B, new int[] {4, 4, 4, 4, 4, 4, 4, 4, 4});
        records.add(kiosk.response(december, second, List.of()));
        Map<String, int[]> third = new LinkedHashMap<>();
        third.put(NIP_A, new int[] {4, 3, 2, 4, 4, 3, 3, 4, 3});
        third.put(NIP_B, new int[] {4, 4, 4, 4, 4, 4, 4, 4, 4});
        records.add(kiosk.response(december, third, List.of()));
        records.add(kiosk.record("ticket-issued", new TicketIssued("3273-01-K01/1",
                "3273-01-K01", 1, Instant.parse("2026-12-03T01:00:00Z"),
                Instant.parse("2026-12-03T02:10:00Z"))));
        records.add(kiosk.record("ticket-issued", new TicketIssued("3273-01-K01/2",
                "3273-01-K01", 2, Instant.parse("2026-12-03T01:00:00Z"),
                Instant.parse("2026-12-03T02:20:00Z"))));
        TestServer.check(kiosk.push(records), 200);
        TestKiosk counter = server.enrolledKiosk("3273-01-K90");
        TestServer.check(counter.push(List.of(counter.record("ticket-redeemed",
                new TicketRedeemed("3273-01-K01/1", "3273-01-K90",
                        Instant.parse("2026-12-03T05:00:00Z"))),
                counter.record("ticket-redeemed", new TicketRedeemed("3273-01-K01/2",
                        "3273-01-K90", Instant.parse("2026-12-05T01:00:00Z"))))), 200);
    }

    /** Starts the server under test; the PostgreSQL variant overrides this. */
    TestServer newServer(Path dir) {
        return new TestServer(dir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = server.get(path);
        TestServer.check(response, 200);
        return server.readTree(response.body());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError(field + "=" + value + " not in " + array);
    }

    @Test
    void officerRapor_matchesHandComputation() {
        JsonNode rapor = get("/api/v1/rapor/officers/" + NIP_A);

        assertThat(rapor.get("nip").asText()).isEqualTo(NIP_A);
        assertThat(rapor.get("name").asText()).isEqualTo("Siti Rahma");
        assertThat(rapor.get("officeId").asText()).isEqualTo("3273-01");
        assertThat(rapor.get("responses").asLong()).isEqualTo(3);
        assertThat(rapor.get("index").decimalValue()).isEqualByComparingTo("86.11");
        assertThat(rapor.get("band").asText()).isEqualTo("B");
        assertThat(rapor.get("enoughResponses").asBoolean()).isTrue();
        assertThat(rapor.get("minimumResponses").asInt()).isEqualTo(3);
        JsonNode elements = rapor.get("elements");
        assertThat(find(elements, "code", "U1").get("index").decimalValue())
                .isEqualByComparingTo("91.67");
        assertThat(find(elements, "code", "U1").get("mean").decimalValue())
                .isEqualByComparingTo("3.6667");
        assertThat(find(elements, "code", "U3").get("index").decimalValue())
                .isEqualByComparingTo("66.67");
        assertThat(find(elements, "code", "U4").get("index").decimalValue())
                .isEqualByComparingTo("100.00");
        assertThat(find(elements, "code", "U6").get("index").decimalValue())
                .isEqualByComparingTo("75.00");
        assertThat(find(elements, "code", "U9").get("answers").asLong()).isEqualTo(3);
        JsonNode principles = rapor.get("principles");
        assertThat(find(principles, "principle", "AKUNTABILITAS").get("index").decimalValue())
                .isEqualByComparingTo("83.33");
        assertThat(find(principles, "principle", "AKUNTABILITAS").get("answers").asLong())
                .isEqualTo(6);
        assertThat(find(principles, "principle", "PROFESIONALITAS").get("band").asText())
                .isEqualTo("B");
        assertThat(find(principles, "principle", "EFEKTIF_DAN_EFISIEN").get("band").asText())
                .isEqualTo("C");
    }

    @Test
    void officerBelowMinimum_readsNotEnoughButShowsCount() {
        JsonNode rapor = get("/api/v1/rapor/officers/" + NIP_B);

        assertThat(rapor.get("responses").asLong()).isEqualTo(2);
        assertThat(rapor.get("enoughResponses").asBoolean()).isFalse();
        assertThat(rapor.get("index").isNull()).isTrue();
        assertThat(rapor.get("band").isNull()).isTrue();
        assertThat(find(rapor.get("elements"), "code", "U1").get("index").isNull()).isTrue();
        assertThat(find(rapor.get("elements"), "code", "U1").get("answers").asLong())
                .isEqualTo(2);
        assertThat(rapor.get("answerDistribution").isEmpty()).as("no answer counts below the"
                + " minimum").isTrue();
    }

    @Test
    void officerAnswerDistribution_countsEachValue() {
        // Answers of A: value 4 fourteen times, 3 eleven times, 2 twice, 1 never (27 answers).
        JsonNode distribution = get("/api/v1/rapor/officers/" + NIP_A)
                .get("answerDistribution");

        assertThat(distribution.get("4").asLong()).isEqualTo(14);
        assertThat(distribution.get("3").asLong()).isEqualTo(11);
        assertThat(distribution.get("2").asLong()).isEqualTo(2);
        assertThat(distribution.get("1").asLong()).isZero();
    }

    @Test
    void officeRapor_poolsEveryAnswerAndCountsCitizens() {
        JsonNode rapor = get("/api/v1/rapor/offices/3273-01");

        assertThat(rapor.get("responses").asLong()).isEqualTo(3);
        assertThat(rapor.get("index").decimalValue()).isEqualByComparingTo("91.67");
        assertThat(rapor.get("band").asText()).isEqualTo("A");
        assertThat(find(rapor.get("elements"), "code", "U3").get("mean").decimalValue())
                .isEqualByComparingTo("3.2");
        JsonNode officers = rapor.get("officers");
        assertThat(find(officers, "id", NIP_A).get("index").decimalValue())
                .isEqualByComparingTo("86.11");
        assertThat(find(officers, "id", NIP_B).get("enoughResponses").asBoolean()).isFalse();
        assertThat(rapor.get("complaintsByCategory").get("LEFT_WAITING").asLong()).isEqualTo(1);
    }

    @Test
    void serviceTimes_setAgainstThe24HourRule() {
        // Ticket 1: perekaman 01:00, pickup 05:00 the same day = 4 h. Ticket 2: perekaman
        // 01:00 on the 3rd, pickup 01:00 on the 5th = 48 h. Average (4 + 48) / 2 = 26.0 h.
        JsonNode times = get("/api/v1/rapor/offices/3273-01").get("serviceTimes");

        assertThat(times.get("ticketsIssued").asLong()).isEqualTo(2);
        assertThat(times.get("surveyedWithin24h").asLong()).isEqualTo(2);
        assertThat(times.get("redeemed").asLong()).isEqualTo(2);
        assertThat(times.get("pickupWithin24h").asLong()).isEqualTo(1);
        assertThat(times.get("pickupOver24h").asLong()).isEqualTo(1);
        assertThat(times.get("averageHoursToPickup").decimalValue()).isEqualByComparingTo("26.0");
        assertThat(times.get("pickupBuckets").get("1-24h").asLong()).isEqualTo(1);
        assertThat(times.get("pickupBuckets").get("24-72h").asLong()).isEqualTo(1);
    }

    @Test
    void periodFilter_selectsMonthAndQuarter() {
        JsonNode december = get("/api/v1/rapor/officers/" + NIP_A + "?period=2026-12");
        JsonNode quarter = get("/api/v1/rapor/officers/" + NIP_A + "?period=2026-Q4");
        JsonNode november = get("/api/v1/rapor/officers/" + NIP_A + "?period=2026-11");

        assertThat(december.get("responses").asLong()).isEqualTo(3);
        assertThat(quarter.get("index").decimalValue()).isEqualByComparingTo("86.11");
        assertThat(november.get("responses").asLong()).isZero();
        assertThat(november.get("enoughResponses").asBoolean()).isFalse();
    }

    @Test
    void regionRapor_listsItsOffices() {
        JsonNode rapor = get("/api/v1/rapor/regions/3273");

        assertThat(rapor.get("responses").asLong()).isEqualTo(3);
        assertThat(rapor.get("index").decimalValue()).isEqualByComparingTo("91.67");
        assertThat(rapor.get("offices")).hasSize(1);
    }

    @Test
    void badPeriod_isProblem() {
        HttpResponse<String> response = server.get("/api/v1/rapor/officers/" + NIP_A
                + "?period=last-week");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("period must look like");
    }

    @Test
    void htmlPages_showFiguresInBothLanguages() {
        HttpResponse<String> officer = server.get("/rapor/officers/" + NIP_A);
        HttpResponse<String> english = server.get("/rapor/officers/" + NIP_B + "?lang=en");
        HttpResponse<String> office = server.get("/rapor/offices/3273-01");

        assertThat(officer.statusCode()).isEqualTo(200);
        assertThat(officer.body()).contains("<html lang=\"id\"").contains("86.11")
                .contains("B (baik)").contains("Siti Rahma");
        assertThat(english.body()).contains("<html lang=\"en\"").contains("Not enough responses");
        assertThat(office.body()).contains("91.67").doesNotContain("Menunggu lama");
    }

    @Test
    void unknownOfficePage_isHtmlNotFound() {
        HttpResponse<String> page = server.get("/rapor/offices/3273-09");
        HttpResponse<String> api = server.get("/api/v1/rapor/offices/3273-09");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Halaman tidak ditemukan.");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
    }

    @Test
    void pages_sendSecurityHeaders() {
        HttpResponse<String> page = server.get("/rapor/offices/3273-01");

        assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void csvExport_hasOneRowPerFigure() {
        HttpResponse<String> csv = server.get("/rapor/officers/" + NIP_A + ".csv?period=2026-12");

        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("scope,id,period,dimension,name,responses_or_answers,"
                + "mean,index,band");
        assertThat(lines.get(1)).isEqualTo("officer," + NIP_A + ",2026-12,overall,,3,,86.11,B");
        assertThat(lines).hasSize(2 + 9 + 7);
    }

    @Test
    void pdfExport_isPdf() {
        HttpResponse<String> pdf = server.get("/rapor/officers/" + NIP_A + ".pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo(
                "application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
    }

    @Test
    void openData_hasRegionFiguresAndNoComplaintText() {
        HttpResponse<String> response = server.get("/open-data/regions/3273.json");

        TestServer.check(response, 200);
        JsonNode document = server.readTree(response.body());
        assertThat(document.get("format").asText()).isEqualTo("kypso-open-data/1");
        assertThat(document.get("region").get("index").decimalValue())
                .isEqualByComparingTo("91.67");
        assertThat(response.body()).doesNotContain("Menunggu lama");
    }
}
