package id.kypso.aggregator.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.aggregator.auth.Role;
import id.kypso.aggregator.testing.Browser;
import id.kypso.aggregator.testing.TestKiosk;
import id.kypso.aggregator.testing.TestServer;
import id.kypso.core.survey.Complaint;
import id.kypso.core.survey.ComplaintCategory;
import id.kypso.core.sync.Heartbeat;
import id.kypso.core.sync.SyncRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every web view in real headless Chromium at phone width: public rapor-el pages in both
 * languages, sign-in, and each role's dashboard. Screenshots go to target/screenshots.
 */
class WebViewsTest {
    static final String NIP_A = "198503122010011001";
    static final String NIP_B = "199001052015032002";
    static final String PASSWORD = "correct horse battery";
    static final Path SHOTS = Path.of("target", "screenshots");

    static Path folder;
    static TestServer server;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        folder = Files.createTempDirectory("kypso-aggregator-web");
        browser = Browser.start(folder.resolve("profile"), 412, 915);
        server = new TestServer(folder.resolve("data"));
        server.office("3273-01", "Disdukcapil Kota Bandung");
        server.roster("3273-01", List.of(
                Map.of("nip", NIP_A, "name", "Siti Rahma", "stage", "VERIFIKASI"),
                Map.of("nip", NIP_B, "name", "Budi Santoso", "stage", "PEREKAMAN")));
        TestKiosk kiosk = server.enrolledKiosk("3273-01-K01");
        List<SyncRecord> records = new ArrayList<>();
        for (int month = 0; month < 3; month++) {
            Instant at = Instant.parse("2026-10-05T02:00:00Z").plus(Duration.ofDays(31L * month));
            for (int i = 0; i < 4; i++) {
                records.add(kiosk.response(at, Map.of(NIP_A, new int[] {4, 3, 3, 4, 4, 3, 4, 3,
                        3 + (i % 2)}), List.of()));
            }
        }
        records.add(kiosk.response(Instant.parse("2026-12-03T02:00:00Z"), Map.of(NIP_B,
                new int[] {2, 2, 1, 4, 2, 2, 1, 2, 2}), List.of(new Complaint(NIP_B,
                        ComplaintCategory.ASKED_FOR_MONEY, "Diminta uang <b>50 ribu</b>"))));
        TestServer.check(kiosk.push(records), 200);
        TestServer.check(kiosk.signed("POST", "/api/v1/heartbeat", server.json.writeValueAsBytes(
                new Heartbeat(kiosk.kioskId, server.clock.instant(), 2, null, 0, "PAPER_END",
                        "READY", 1_000_000, "0.1.0", "0.1.1", null, 0L, List.of()))), 200);
        server.enrolledKiosk("3273-01-K02");
        server.clock.advance(Duration.ofHours(1));
        var accounts = server.aggregator.accounts();
        accounts.createUser("kepala", PASSWORD.toCharArray(), Role.OFFICE_HEAD, "3273-01");
        accounts.createUser("kasn", PASSWORD.toCharArray(), Role.KASN, null);
        accounts.createUser("ombudsman", PASSWORD.toCharArray(), Role.OMBUDSMAN, null);
        accounts.createUser("admin", PASSWORD.toCharArray(), Role.ADMIN, null);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        deleteTree(folder);
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile()
                    .delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot delete " + root, e);
        }
    }

    @BeforeEach
    void signOut() {
        browser.driver.manage().deleteAllCookies();
    }

    private void open(String path) {
        browser.driver.get(server.url + path);
    }

    /**
     * Runs {@code action}, which submits a form or follows a link, and waits until the browser
     * has left the current page, so the next read sees the new page.
     */
    private void andWaitForNextPage(Runnable action) {
        WebElement body = browser.driver.findElement(By.tagName("body"));
        action.run();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10))
                .until(driver -> isGone(body));
    }

    // While the old page unloads, Chrome may report its elements as "not belonging to the
    // document" instead of stale; either means the browser has left the page.
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private String text() {
        return browser.driver.findElement(By.tagName("body")).getText();
    }

    private void assertAccessible() {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isIn("id", "en");
        Object unlabelled = js.executeScript("return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]),select,textarea')).filter(e => !e.labels"
                + " || e.labels.length === 0).map(e => e.name)");
        assertThat((List<?>) unlabelled).as("inputs without a label").isEmpty();
        Object overflow = js.executeScript("return document.documentElement.scrollWidth"
                + " > window.innerWidth + 1");
        assertThat(overflow).as("page scrolls sideways at phone width").isEqualTo(false);
        Object svgWithoutTitle = js.executeScript("return Array.from(document.querySelectorAll("
                + "'svg')).filter(s => !s.querySelector('title')).length");
        assertThat(((Number) svgWithoutTitle).intValue()).isZero();
    }

    private void signIn(String username) {
        open("/login");
        browser.driver.findElement(By.id("username")).sendKeys(username);
        WebElement password = browser.driver.findElement(By.id("password"));
        password.sendKeys(PASSWORD);
        andWaitForNextPage(() -> password.sendKeys(Keys.ENTER));
    }

    @Test
    void homePage_listsKabupatenKota() {
        open("/");

        assertThat(browser.driver.getTitle()).contains("Rapor-el KYPSO");
        assertThat(text()).contains("3273");
        assertAccessible();
        browser.screenshot(SHOTS.resolve("home.png"));
    }

    @Test
    void skipLink_isFirstTabStop() {
        open("/");

        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.driver.switchTo().activeElement();

        assertThat(focused.getText()).isEqualTo("Lompat ke isi");
    }

    @Test
    void regionPage_showsOfficesAndChart() {
        open("/rapor/regions/3273");

        assertThat(text()).contains("Kabupaten/kota 3273").contains("Disdukcapil Kota Bandung");
        assertThat(browser.driver.findElements(By.cssSelector("svg"))).isNotEmpty();
        assertAccessible();
        browser.screenshot(SHOTS.resolve("region.png"));
    }

    @Test
    void officePage_showsOfficersWithoutComplaintText() {
        open("/rapor/offices/3273-01");

        assertThat(text()).contains("Siti Rahma").contains("Budi Santoso")
                .contains("Meminta uang").doesNotContain("50 ribu");
        assertAccessible();
        browser.screenshot(SHOTS.resolve("office.png"));
    }

    @Test
    void officerPage_showsIndexBandAndCount() {
        open("/rapor/officers/" + NIP_A);

        // 12 responses, each U1 4, U2 3, U3 3, U4 4, U5 4, U6 3, U7 4, U8 3, U9 3 or 4 in turn:
        // means 4, 3, 3, 4, 4, 3, 4, 3, 3.5, sum 31.5, index 25 x 31.5 / 9 = 87.50, band B.
        assertThat(browser.driver.findElement(By.cssSelector("[data-figure=index]")).getText())
                .isEqualTo("87.50");
        assertThat(browser.driver.findElement(By.cssSelector("[data-figure=band]")).getText())
                .isEqualTo("B (baik)");
        assertThat(browser.driver.findElement(By.cssSelector("[data-figure=responses]"))
                .getText()).isEqualTo("12");
        assertAccessible();
        browser.screenshot(SHOTS.resolve("officer.png"));
    }

    @Test
    void officerPage_inEnglishSaysNotEnough() {
        open("/rapor/officers/" + NIP_B + "?lang=en");

        assertThat(browser.driver.findElement(By.cssSelector("[data-figure=index]")).getText())
                .isEqualTo("Not enough responses");
        assertThat(text()).contains("Figures are shown from 3 responses on.");
        assertAccessible();
        browser.screenshot(SHOTS.resolve("officer-en.png"));
    }

    @Test
    void periodForm_filtersToOneMonth() {
        open("/rapor/officers/" + NIP_A);
        WebElement period = browser.driver.findElement(By.id("period"));
        period.clear();
        andWaitForNextPage(() -> period.sendKeys("2026-10", Keys.ENTER));

        assertThat(browser.driver.getCurrentUrl()).contains("period=2026-10");
        assertThat(browser.driver.findElement(By.cssSelector("[data-figure=responses]"))
                .getText()).isEqualTo("4");
    }

    @Test
    void languageLink_switchesToEnglish() {
        open("/rapor/offices/3273-01");

        andWaitForNextPage(() -> browser.driver.findElement(By.linkText("English")).click());

        assertThat(browser.driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        assertThat(text()).contains("Officers");
    }

    @Test
    void wrongPassword_staysOnLoginWithMessage() {
        open("/login");
        browser.driver.findElement(By.id("username")).sendKeys("kepala");
        andWaitForNextPage(() -> browser.driver.findElement(By.id("password"))
                .sendKeys("wrong password!!", Keys.ENTER));

        assertThat(text()).contains("Nama pengguna atau kata sandi salah.");
        assertAccessible();
        browser.screenshot(SHOTS.resolve("login-failed.png"));
    }

    @Test
    void officeHead_seesComplaintTextAndOwnKiosks() {
        signIn("kepala");

        assertThat(browser.driver.getCurrentUrl()).endsWith("/dashboard");
        assertThat(text()).contains("Kepala kantor").contains("Diminta uang <b>50 ribu</b>")
                .contains("3273-01-K01").contains("PAPER_END");
        assertAccessible();
        browser.screenshot(SHOTS.resolve("dashboard-office-head.png"));
    }

    @Test
    void ombudsman_seesComplaintsOfEveryOffice() {
        signIn("ombudsman");

        assertThat(text()).contains("Ombudsman").contains("Diminta uang");
        browser.screenshot(SHOTS.resolve("dashboard-ombudsman.png"));
    }

    @Test
    void kasn_seesEveryOfficer() {
        signIn("kasn");

        assertThat(text()).contains("KASN").contains(NIP_A).contains(NIP_B);
        browser.screenshot(SHOTS.resolve("dashboard-kasn.png"));
    }

    @Test
    void admin_seesFleetWithSilentKiosk() {
        server.clock.advance(Duration.ofMinutes(31));
        signIn("admin");

        assertThat(browser.driver.findElement(By.cssSelector("tr[data-kiosk='3273-01-K02']"
                + " td[data-state]")).getDomAttribute("data-state")).isEqualTo("silent");
        assertThat(text()).contains("0.1.0 / 0.1.1");
        assertAccessible();
        browser.screenshot(SHOTS.resolve("dashboard-admin.png"));
    }

    @Test
    void admin_createsEnrollmentQr() {
        signIn("admin");

        andWaitForNextPage(() -> browser.driver.findElement(
                By.xpath("//button[starts-with(., 'Buat kode pendaftaran')]")).click());

        WebElement qr = browser.driver.findElement(By.id("enrollment-qr"));
        assertThat(qr.getDomAttribute("alt")).contains("3273-01");
        assertThat(browser.driver.findElement(By.id("enrollment-token")).getText()).isNotBlank();
        // The token lasts 24 hours; its expiry is shown in the office's own time.
        String expires = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm",
                Locale.forLanguageTag("id")).format(server.clock.instant()
                        .plus(Duration.ofHours(24)).atZone(ZoneId.of("Asia/Jakarta")));
        assertThat(text()).contains("berlaku sampai " + expires + " WIB");
        assertAccessible();
        browser.screenshot(SHOTS.resolve("enrollment-qr.png"));
    }

    @Test
    void signOut_endsSession() {
        signIn("kasn");

        andWaitForNextPage(() -> browser.driver.findElement(
                By.xpath("//button[starts-with(., 'Keluar')]")).click());
        open("/dashboard");

        assertThat(browser.driver.getCurrentUrl()).contains("/login");
    }
}
