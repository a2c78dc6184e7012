package id.kypso.aggregator.web;

import id.kypso.aggregator.admin.Office;
import id.kypso.aggregator.admin.OfficeRegistry;
import id.kypso.aggregator.auth.Role;
import id.kypso.aggregator.auth.UserAccounts;
import id.kypso.aggregator.auth.UserAccounts.Session;
import id.kypso.aggregator.enroll.EnrollmentService;
import id.kypso.aggregator.fleet.FleetService;
import id.kypso.aggregator.fleet.FleetService.KioskHealth;
import id.kypso.aggregator.report.ComplaintQueries;
import id.kypso.aggregator.report.ComplaintQueries.ComplaintRow;
import id.kypso.aggregator.report.Period;
import id.kypso.aggregator.report.Rapor.Summary;
import id.kypso.aggregator.report.RaporService;
import id.kypso.core.qr.QrCodes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The pages behind the login: sign in and out, and a dashboard per role. Every POST carries a
 * CSRF token: before sign-in a random token in a cookie and the form (double submit), after
 * sign-in the session's own token. Cookies are HttpOnly and SameSite=Strict.
 */
final class PrivatePages {
    private static final String LOGIN_CSRF_COOKIE = "kypso_login_csrf";
    /** The enrollment QR prefix that the provisioning command reads. */
    static final String ENROLLMENT_QR_PREFIX = "KYPSO-ENROLL:";

    private final UserAccounts accounts;
    private final OfficeRegistry offices;
    private final FleetService fleet;
    private final RaporService rapor;
    private final ComplaintQueries complaints;
    private final EnrollmentService enrollment;
    private final Clock clock;
    private final ZoneId zone;
    private final Pages pages;
    private final SecureRandom random = new SecureRandom();

    PrivatePages(UserAccounts accounts, OfficeRegistry offices, FleetService fleet,
            RaporService rapor, EnrollmentService enrollment, Clock clock, ZoneId zone,
            Pages pages) {
        this.zone = zone;
        this.accounts = accounts;
        this.offices = offices;
        this.fleet = fleet;
        this.rapor = rapor;
        this.complaints = new ComplaintQueries(rapor.database(), rapor);
        this.enrollment = enrollment;
        this.clock = clock;
        this.pages = pages;
    }

    void register(Javalin app) {
        app.get("/login", ctx -> loginPage(ctx, false));
        app.post("/login", this::login);
        app.post("/logout", this::logout);
        app.get("/dashboard", this::dashboard);
        app.get("/dashboard.csv", this::dashboardCsv);
        app.post("/dashboard/enrollment", this::enrollmentCode);
    }

    /**
     * Issues a one-time enrollment token and shows it as the QR code that
     * {@code provisioning kiosk enroll --qr-image} or {@code --scan} reads:
     * {@code KYPSO-ENROLL:<aggregator URL>#<token>}. Office heads enroll kiosks of their own
     * office; IT staff (admin) of any office.
     */
    private void enrollmentCode(Context ctx) {
        Optional<Session> session = pages.session(ctx);
        if (session.isEmpty() || !sameToken(session.get().csrfToken(), ctx.formParam("csrf"))) {
            forbidden(ctx);
            return;
        }
        UserAccounts.User user = session.get().user();
        String officeId = user.role() == Role.OFFICE_HEAD ? user.officeId()
                : ctx.formParam("officeId");
        if (user.role() != Role.OFFICE_HEAD && user.role() != Role.ADMIN
                || officeId == null || offices.find(officeId).isEmpty()) {
            forbidden(ctx);
            return;
        }
        Messages messages = Pages.messages(ctx);
        EnrollmentService.IssuedToken token = enrollment.issueToken(officeId);
        String baseUrl = ctx.scheme() + "://" + ctx.host();
        String qrText = ENROLLMENT_QR_PREFIX + baseUrl + "#" + token.token();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(QrCodes.draw(qrText, 6), "png", png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String expires = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz",
                Locale.forLanguageTag(messages.language()))
                .format(token.expiresAt().atZone(zone));
        String body = "<p>" + Html.escape(messages.get("enrollment.instructions", officeId,
                expires)) + "</p>"
                + "<p><img id=\"enrollment-qr\" alt=\""
                + Html.escape(messages.get("enrollment.qrAlt", officeId)) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png.toByteArray()) + "\"></p>"
                + "<p>" + Html.escape(messages.get("enrollment.token")) + " <code id=\"enrollment-token\">"
                + Html.escape(token.token()) + "</code></p>";
        ctx.header("Cache-Control", "no-store");
        Pages.html(ctx, pages.page(ctx, messages.get("enrollment.title", officeId), body));
    }

    private String enrollmentForm(Messages messages, String csrf, List<String> officeIds) {
        StringBuilder form = new StringBuilder("<h2>")
                .append(Html.escape(messages.get("enrollment.heading"))).append("</h2>")
                .append("<form method=\"post\" action=\"/dashboard/enrollment\">")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"")
                .append(Html.escape(csrf)).append("\">");
        if (officeIds.size() != 1) {
            form.append("<p><label for=\"officeId\">")
                    .append(Html.escape(messages.get("enrollment.office")))
                    .append("</label><select id=\"officeId\" name=\"officeId\">");
            for (String officeId : officeIds) {
                form.append("<option>").append(Html.escape(officeId)).append("</option>");
            }
            form.append("</select></p>");
        } else {
            form.append("<input type=\"hidden\" name=\"officeId\" value=\"")
                    .append(Html.escape(officeIds.get(0))).append("\">");
        }
        return form.append("<p><button type=\"submit\">")
                .append(Html.escape(messages.get("enrollment.submit")))
                .append("</button></p></form>").toString();
    }

    private void loginPage(Context ctx, boolean failed) {
        Messages messages = Pages.messages(ctx);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ctx.cookie(cookie(LOGIN_CSRF_COOKIE, csrf, -1));
        String lang = messages.language().equals("en") ? "?lang=en" : "";
        String body = (failed ? "<p class=\"error\" role=\"alert\">"
                + Html.escape(messages.get("login.failed")) + "</p>" : "")
                + "<form method=\"post\" action=\"/login" + lang + "\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\">"
                + "<p><label for=\"username\">" + Html.escape(messages.get("login.username"))
                + "</label><input id=\"username\" name=\"username\" autocomplete=\"username\""
                + " required></p>"
                + "<p><label for=\"password\">" + Html.escape(messages.get("login.password"))
                + "</label><input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"current-password\" required></p>"
                + "<p><button type=\"submit\">" + Html.escape(messages.get("login.submit"))
                + "</button></p></form>";
        if (failed) {
            ctx.status(401);
        }
        Pages.html(ctx, pages.page(ctx, messages.get("login.title"), body));
    }

    private void login(Context ctx) {
        String cookieToken = ctx.cookie(LOGIN_CSRF_COOKIE);
        String formToken = ctx.formParam("csrf");
        if (!sameToken(cookieToken, formToken)) {
            forbidden(ctx);
            return;
        }
        String password = ctx.formParam("password");
        Optional<Session> session = accounts.login(ctx.formParam("username"),
                password == null ? new char[0] : password.toCharArray());
        if (session.isEmpty()) {
            loginPage(ctx, true);
            return;
        }
        ctx.removeCookie(LOGIN_CSRF_COOKIE, "/");
        ctx.cookie(cookie(Pages.SESSION_COOKIE, session.get().id(), -1));
        ctx.redirect("/dashboard" + (Pages.messages(ctx).language().equals("en")
                ? "?lang=en" : ""), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        Optional<Session> session = pages.session(ctx);
        if (session.isEmpty() || !sameToken(session.get().csrfToken(), ctx.formParam("csrf"))) {
            forbidden(ctx);
            return;
        }
        accounts.logout(session.get().id());
        ctx.removeCookie(Pages.SESSION_COOKIE, "/");
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void dashboard(Context ctx) {
        Optional<Session> session = pages.session(ctx);
        if (session.isEmpty()) {
            ctx.redirect("/login" + (Pages.messages(ctx).language().equals("en")
                    ? "?lang=en" : ""), io.javalin.http.HttpStatus.SEE_OTHER);
            return;
        }
        Messages messages = Pages.messages(ctx);
        Period period = ApiRoutes.period(ctx);
        UserAccounts.User user = session.get().user();
        StringBuilder body = new StringBuilder("<p>")
                .append(Html.escape(messages.get("dashboard.role",
                        messages.get("role." + user.role().name()))))
                .append(user.officeId() == null ? "" : " - " + Html.escape(user.officeId()))
                .append("</p>");
        switch (user.role()) {
            case OFFICE_HEAD -> {
                Office office = offices.require(user.officeId());
                body.append(pages.serviceTimes(messages,
                        rapor.office(office, period).serviceTimes()));
                body.append(complaintTable(messages, complaints.list(
                        Optional.of(office.officeId()), period)));
                body.append(fleetTable(messages, fleet.fleet(Optional.of(office.officeId()))));
                body.append(enrollmentForm(messages, session.get().csrfToken(),
                        List.of(office.officeId())));
            }
            case OMBUDSMAN -> body.append(complaintTable(messages,
                    complaints.list(Optional.empty(), period)));
            case KASN -> body.append(officerTable(messages, period));
            case ADMIN -> {
                body.append(fleetTable(messages, fleet.fleet(Optional.empty())));
                body.append(enrollmentForm(messages, session.get().csrfToken(),
                        offices.all().stream().map(Office::officeId).toList()));
            }
            default -> throw new IllegalStateException("unknown role " + user.role());
        }
        body.append("<p><a href=\"/dashboard.csv?period=").append(period.label()).append("\">")
                .append(Html.escape(messages.get("export.csv"))).append("</a></p>");
        ctx.header("Cache-Control", "no-store");
        Pages.html(ctx, pages.page(ctx, messages.get("dashboard.title", user.username()),
                body.toString()));
    }

    /** Downloads the dashboard's list as CSV: complaints, officers or kiosks by role. */
    private void dashboardCsv(Context ctx) {
        Optional<Session> session = pages.session(ctx);
        if (session.isEmpty()) {
            forbidden(ctx);
            return;
        }
        Period period = ApiRoutes.period(ctx);
        UserAccounts.User user = session.get().user();
        List<List<String>> rows = new ArrayList<>();
        switch (user.role()) {
            case OFFICE_HEAD, OMBUDSMAN -> {
                rows.add(List.of("date", "office_id", "nip", "category", "text"));
                Optional<String> office = user.role() == Role.OFFICE_HEAD
                        ? Optional.of(user.officeId()) : Optional.empty();
                for (ComplaintRow row : complaints.list(office, period)) {
                    rows.add(List.of(row.date().toString(), row.officeId(),
                            row.nip() == null ? "" : row.nip(), row.category(),
                            row.text() == null ? "" : row.text()));
                }
            }
            case KASN -> {
                rows.add(List.of("office_id", "nip", "name", "responses", "index", "band"));
                for (Office office : offices.all()) {
                    for (Summary officer : rapor.office(office, period).officers()) {
                        rows.add(List.of(office.officeId(), officer.id(),
                                officer.name() == null ? "" : officer.name(),
                                String.valueOf(officer.responses()),
                                officer.index() == null ? "" : officer.index().toPlainString(),
                                officer.band() == null ? "" : officer.band().name()));
                    }
                }
            }
            case ADMIN -> {
                rows.add(List.of("kiosk_id", "office_id", "revoked", "silent",
                        "last_heartbeat", "unsent", "printer", "app_version", "agent_version",
                        "stored", "rejected"));
                for (KioskHealth kiosk : fleet.fleet(Optional.empty())) {
                    var heartbeat = kiosk.heartbeat();
                    rows.add(List.of(kiosk.kioskId(), kiosk.officeId(),
                            String.valueOf(kiosk.revoked()), String.valueOf(kiosk.silent()),
                            kiosk.lastHeartbeatAt() == null ? ""
                                    : kiosk.lastHeartbeatAt().toString(),
                            heartbeat == null ? "" : String.valueOf(heartbeat.unsentRecords()),
                            heartbeat == null ? "" : String.valueOf(heartbeat.printerState()),
                            heartbeat == null ? "" : String.valueOf(heartbeat.appVersion()),
                            heartbeat == null ? "" : String.valueOf(heartbeat.agentVersion()),
                            String.valueOf(kiosk.storedRecords()),
                            String.valueOf(kiosk.rejectedRecords())));
                }
            }
            default -> throw new IllegalStateException("unknown role " + user.role());
        }
        ctx.header("Cache-Control", "no-store");
        Exports.csv(ctx, "dashboard-" + user.role().name().toLowerCase(java.util.Locale.ROOT)
                + "-" + period.label(), rows);
    }

    private String complaintTable(Messages messages, List<ComplaintRow> rows) {
        StringBuilder out = new StringBuilder("<h2>")
                .append(Html.escape(messages.get("section.complaints"))).append("</h2>");
        if (rows.isEmpty()) {
            return out.append("<p>").append(Html.escape(messages.get("complaint.none")))
                    .append("</p>").toString();
        }
        out.append("<div class=\"scroll\"><table><caption>")
                .append(Html.escape(messages.get("section.complaints")))
                .append("</caption><thead><tr><th scope=\"col\">")
                .append(Html.escape(messages.get("column.month"))).append("</th><th scope=\"col\">")
                .append(Html.escape(messages.get("column.office"))).append("</th><th scope=\"col\">")
                .append(Html.escape(messages.get("column.officer")))
                .append("</th><th scope=\"col\">").append(Html.escape(messages.get("column.category")))
                .append("</th><th scope=\"col\">").append(Html.escape(messages.get("column.text")))
                .append("</th></tr></thead><tbody>");
        for (ComplaintRow row : rows) {
            out.append("<tr><td>").append(row.date()).append("</td><td>")
                    .append(Html.escape(row.officeId())).append("</td><td>")
                    .append(Html.escape(row.nip() == null ? "-" : row.nip())).append("</td><td>")
                    .append(Html.escape(messages.get("complaint." + row.category())))
                    .append("</td><td>").append(Html.escape(row.text())).append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    private String officerTable(Messages messages, Period period) {
        List<Summary> all = new ArrayList<>();
        for (Office office : offices.all()) {
            for (Summary officer : rapor.office(office, period).officers()) {
                all.add(new Summary(officer.id(), (officer.name() == null ? "" : officer.name())
                        + " - " + office.officeId(), officer.responses(), officer.index(),
                        officer.band(), officer.enoughResponses()));
            }
        }
        StringBuilder out = new StringBuilder("<h2>")
                .append(Html.escape(messages.get("section.officers"))).append("</h2>")
                .append("<div class=\"scroll\"><table><caption>")
                .append(Html.escape(messages.get("section.officers")))
                .append("</caption><thead><tr><th scope=\"col\">")
                .append(Html.escape(messages.get("column.officer")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.responses")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.index")))
                .append("</th></tr></thead><tbody>");
        for (Summary officer : all) {
            out.append("<tr><th scope=\"row\"><a href=\"/rapor/officers/")
                    .append(Html.escape(officer.id())).append("\">")
                    .append(Html.escape(officer.id() + " " + officer.name()))
                    .append("</a></th><td class=\"num\">").append(officer.responses())
                    .append("</td><td class=\"num\">").append(officer.index() == null
                            ? Html.escape(messages.get("figure.notEnough"))
                            : officer.index().toPlainString()).append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    private String fleetTable(Messages messages, List<KioskHealth> kiosks) {
        StringBuilder out = new StringBuilder("<h2>")
                .append(Html.escape(messages.get("fleet.title"))).append("</h2>")
                .append("<div class=\"scroll\"><table><caption>")
                .append(Html.escape(messages.get("fleet.title")))
                .append("</caption><thead><tr>");
        for (String key : List.of("fleet.kiosk", "fleet.state", "fleet.lastHeartbeat",
                "fleet.unsent", "fleet.printer", "fleet.versions", "fleet.stored",
                "fleet.rejected")) {
            out.append("<th scope=\"col\">").append(Html.escape(messages.get(key))).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (KioskHealth kiosk : kiosks) {
            String state = kiosk.revoked() ? messages.get("fleet.revoked")
                    : kiosk.silent() ? messages.get("fleet.silent") : messages.get("fleet.ok");
            var heartbeat = kiosk.heartbeat();
            out.append("<tr data-kiosk=\"").append(Html.escape(kiosk.kioskId()))
                    .append("\"><th scope=\"row\">").append(Html.escape(kiosk.kioskId()))
                    .append("</th><td data-state=\"").append(kiosk.silent() ? "silent" : "ok")
                    .append("\">").append(Html.escape(state)).append("</td><td>")
                    .append(kiosk.lastHeartbeatAt() == null ? Html.escape(messages.get("fleet.never"))
                            : Html.escape(kiosk.lastHeartbeatAt()))
                    .append("</td><td class=\"num\">")
                    .append(heartbeat == null ? "-" : String.valueOf(heartbeat.unsentRecords()))
                    .append("</td><td>")
                    .append(heartbeat == null ? "-" : Html.escape(heartbeat.printerState()))
                    .append("</td><td>")
                    .append(heartbeat == null ? "-" : Html.escape(heartbeat.appVersion() + " / "
                            + heartbeat.agentVersion()))
                    .append("</td><td class=\"num\">").append(kiosk.storedRecords())
                    .append("</td><td class=\"num\">").append(kiosk.rejectedRecords())
                    .append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    private void forbidden(Context ctx) {
        Messages messages = Pages.messages(ctx);
        ctx.status(403);
        Pages.html(ctx, pages.page(ctx, messages.get("error.title"), "<p class=\"error\">"
                + Html.escape(messages.get("error.forbidden")) + "</p>"));
    }

    private static boolean sameToken(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Cookie cookie(String name, String value, int maxAge) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setMaxAge(maxAge);
        return cookie;
    }
}
