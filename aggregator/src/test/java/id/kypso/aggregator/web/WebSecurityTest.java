package id.kypso.aggregator.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.aggregator.auth.Role;
import id.kypso.aggregator.testing.TestServer;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSecurityTest {
    static final String PASSWORD = "correct horse battery";
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dataDir;
    TestServer server;
    HttpClient browser;

    @BeforeEach
    void start() {
        server = new TestServer(dataDir);
        server.office("3273-01", "Kantor");
        TestServer.check(server.admin("PUT", "/api/v1/admin/users/kepala", Map.of("role",
                "OFFICE_HEAD", "officeId", "3273-01", "password", PASSWORD)), 200);
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(server.url + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(server.url + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("page has a CSRF field").isTrue();
        return matcher.group(1);
    }

    private String signIn() throws Exception {
        String token = csrf(get("/login").body());
        HttpResponse<String> response = post("/login", "csrf=" + token
                + "&username=kepala&password=correct+horse+battery");
        assertThat(response.statusCode()).isEqualTo(303);
        return csrf(get("/dashboard").body());
    }

    @Test
    void loginWithoutCsrfToken_isForbidden() throws Exception {
        get("/login");

        HttpResponse<String> response = post("/login",
                "username=kepala&password=correct+horse+battery");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void login_setsHttpOnlyStrictSessionCookie() throws Exception {
        String token = csrf(get("/login").body());

        HttpResponse<String> response = post("/login", "csrf=" + token
                + "&username=kepala&password=correct+horse+battery");

        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("kypso_session=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(response.headers().firstValue("Location")).hasValue("/dashboard");
    }

    @Test
    void logoutWithoutSessionCsrfToken_isForbiddenAndKeepsSession() throws Exception {
        signIn();

        HttpResponse<String> forged = post("/logout", "csrf=guessed");
        HttpResponse<String> dashboard = get("/dashboard");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(dashboard.statusCode()).isEqualTo(200);
    }

    @Test
    void logoutWithToken_endsSession() throws Exception {
        String token = signIn();

        HttpResponse<String> logout = post("/logout", "csrf=" + token);
        HttpResponse<String> dashboard = get("/dashboard");

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(dashboard.statusCode()).isEqualTo(303);
        assertThat(dashboard.headers().firstValue("Location")).hasValue("/login");
    }

    @Test
    void session_expiresAfterItsLifetime() throws Exception {
        signIn();

        server.clock.advance(Duration.ofHours(8).plusSeconds(1));

        assertThat(get("/dashboard").statusCode()).isEqualTo(303);
    }

    @Test
    void wrongPassword_isUnauthorized() throws Exception {
        String token = csrf(get("/login").body());

        HttpResponse<String> response = post("/login", "csrf=" + token
                + "&username=kepala&password=wrong");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("Set-Cookie"))
                .noneMatch(value -> value.startsWith("kypso_session="));
    }

    @Test
    void dashboardCsv_needsLoginAndListsComplaints() throws Exception {
        HttpResponse<String> anonymous = get("/dashboard.csv");
        signIn();

        HttpResponse<String> csv = get("/dashboard.csv");

        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("date,office_id,nip,category,text");
    }

    @Test
    void shortPassword_isUnprocessable() {
        HttpResponse<String> response = server.admin("PUT", "/api/v1/admin/users/short",
                Map.of("role", "KASN", "password", "short"));

        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void storedPassword_isPbkdf2WithSalt() {
        String stored = server.aggregator.database().read(connection ->
                id.kypso.aggregator.store.Sql.queryOne(connection, "SELECT password_hash FROM"
                        + " web_user WHERE username = 'kepala'", rows -> rows.getString(1)))
                .orElseThrow();

        assertThat(stored).startsWith("pbkdf2-sha256$600000$").doesNotContain(PASSWORD);
        assertThat(stored.split("\\$")).hasSize(4);
    }

    @Test
    void unknownRole_isRejected() {
        HttpResponse<String> response = server.admin("PUT", "/api/v1/admin/users/x1x",
                Map.of("role", "KING", "password", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void rolesExist() {
        assertThat(Role.values()).extracting(Role::name)
                .containsExactly("OFFICE_HEAD", "KASN", "OMBUDSMAN", "ADMIN");
    }

    @Test
    void officeHead_getsAnEnrollmentQrThatEnrollsOnce() throws Exception {
        String csrf = signIn();

        HttpResponse<String> page = post("/dashboard/enrollment", "csrf=" + csrf);

        assertThat(page.statusCode()).isEqualTo(200);
        Matcher image = Pattern.compile("src=\"data:image/png;base64,([^\"]+)\"")
                .matcher(page.body());
        assertThat(image.find()).isTrue();
        java.awt.image.BufferedImage qr = javax.imageio.ImageIO.read(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder()
                        .decode(image.group(1))));
        String text = id.kypso.core.qr.QrCodes.read(qr).orElseThrow();
        assertThat(text).startsWith("KYPSO-ENROLL:" + server.url.toString().replaceAll("/$", "") + "#");
        assertThat(page.body()).contains(text.substring(text.indexOf('#') + 1));
    }

    @Test
    void enrollmentCodeWithoutCsrf_isForbidden() throws Exception {
        signIn();

        assertThat(post("/dashboard/enrollment", "officeId=3273-01").statusCode())
                .isEqualTo(403);
    }
}
