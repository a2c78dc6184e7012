package id.kypso.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.aggregator.testing.TestKiosk;
import id.kypso.aggregator.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerOperationsTest {
    /** The smallest PNG header the roster check accepts as a PNG. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};

    @TempDir
    Path dataDir;

    @Test
    void firstStart_writesOwnerOnlyAdminTokenAndReusesIt() throws Exception {
        String first;
        try (Aggregator aggregator = new Aggregator(AggregatorOptions.builder().port(0)
                .dataDir(dataDir).build())) {
            aggregator.start();
            first = aggregator.adminToken();
        }
        Path file = dataDir.resolve("admin.token");
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (Aggregator again = new Aggregator(AggregatorOptions.builder().port(0)
                .dataDir(dataDir).build())) {
            again.start();
            assertThat(again.adminToken()).isEqualTo(first);
            assertThat(again.url().toString()).startsWith("http://127.0.0.1:");
        }
    }

    @Test
    void health_reportsDatabase() {
        try (TestServer server = new TestServer(dataDir)) {
            HttpResponse<String> health = server.get("/health");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("SQLITE");
        }
    }

    @Test
    void metrics_countRequestsAndRecords() {
        try (TestServer server = new TestServer(dataDir)) {
            server.office("3273-01", "Kantor");
            TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");
            kiosk.push(List.of(kiosk.response(TestServer.START, java.util.Map.of(
                    "198503122010011001", new int[] {4, 4, 4, 4, 4, 4, 4, 4, 4}), List.of())));

            String metrics = server.get("/metrics").body();

            assertThat(metrics).contains("kypso_records_stored 1")
                    .contains("kypso_http_requests_total{method=\"POST\","
                            + "route=\"/api/v1/records\",status=\"200\"} 1");
        }
    }

    @Test
    void kioskOverItsRateLimit_gets429() {
        try (TestServer server = new TestServer(dataDir, builder -> builder.rateLimit(1, 3))) {
            server.office("3273-01", "Kantor");
            TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");

            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(kiosk.signed("GET", "/api/v1/config", null).statusCode());
            }
            server.clock.advance(java.time.Duration.ofSeconds(1));
            int afterRefill = kiosk.signed("GET", "/api/v1/config", null).statusCode();

            assertThat(statuses).containsExactly(200, 200, 200, 429);
            assertThat(afterRefill).isEqualTo(200);
        }
    }

    @Test
    void rosterZip_importsCsvWithPhotos() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("roster.csv"));
            out.write(("nip,name,stage,photo\r\n"
                    + "198503122010011001,\"Rahma, Siti\",verifikasi,siti.png\r\n"
                    + "199001052015032002,Budi Santoso,PEREKAMAN,\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("photos/siti.png"));
            out.write(PNG);
        }
        try (TestServer server = new TestServer(dataDir)) {
            server.office("3273-01", "Kantor");
            TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");

            HttpResponse<String> response = server.http.send(java.net.http.HttpRequest
                    .newBuilder(server.url.resolve("/api/v1/admin/offices/3273-01/roster"))
                    .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                    .header("Content-Type", "application/zip")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            var bundle = server.readTree(kiosk.signed("GET", "/api/v1/config", null).body());

            TestServer.check(response, 200);
            assertThat(bundle.get("roster")).hasSize(2);
            assertThat(bundle.get("roster").get(0).get("name").asText()).isEqualTo("Rahma, Siti");
            assertThat(bundle.get("roster").get(0).get("stage").asText()).isEqualTo("VERIFIKASI");
            assertThat(bundle.get("roster").get(0).get("photo").asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(PNG));
            assertThat(bundle.get("roster").get(1).get("photo").isNull()).isTrue();
        }
    }

    @Test
    void rosterZipNamingMissingPhoto_isUnprocessable() throws Exception {
        try (TestServer server = new TestServer(dataDir)) {
            server.office("3273-01", "Kantor");

            HttpResponse<String> response = server.http.send(java.net.http.HttpRequest
                    .newBuilder(server.url.resolve("/api/v1/admin/offices/3273-01/roster"))
                    .header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN)
                    .header("Content-Type", "text/csv")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "nip,name,stage,photo\n198503122010011001,Siti,PEREKAMAN,x.jpg\n"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.body()).contains("photo x.jpg is not in the ZIP");
        }
    }

    @Test
    void commandLine_helpListsOptions() {
        CommandLine command = new CommandLine(new AggregatorMain());
        java.io.StringWriter out = new java.io.StringWriter();
        command.setOut(new java.io.PrintWriter(out));

        int exit = command.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--port").contains("--bind").contains("--data-dir")
                .contains("--database-url").contains("--admin-token").contains("--min-responses");
    }
}
