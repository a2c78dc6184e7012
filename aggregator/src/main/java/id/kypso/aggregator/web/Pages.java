package id.kypso.aggregator.web;

import id.kypso.aggregator.admin.Office;
import id.kypso.aggregator.admin.OfficeRegistry;
import id.kypso.aggregator.enroll.EnrollmentService;
import id.kypso.aggregator.auth.UserAccounts;
import id.kypso.aggregator.auth.UserAccounts.Session;
import id.kypso.aggregator.fleet.FleetService;
import id.kypso.aggregator.report.Period;
import id.kypso.aggregator.report.Rapor.ElementFigure;
import id.kypso.aggregator.report.Rapor.OfficeRapor;
import id.kypso.aggregator.report.Rapor.OfficerRapor;
import id.kypso.aggregator.report.Rapor.PrincipleFigure;
import id.kypso.aggregator.report.Rapor.RegionRapor;
import id.kypso.aggregator.report.Rapor.ServiceTimes;
import id.kypso.aggregator.report.Rapor.Summary;
import id.kypso.aggregator.report.Rapor.TrendPoint;
import id.kypso.aggregator.report.RaporService;
import id.kypso.core.score.SkmBand;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public web pages: kabupaten/kota, office and officer rapor-el with their exports. They
 * show counts, indexes and months only: no citizen data, no comment or complaint text, no
 * time finer than a month.
 */
public final class Pages {
    static final String SESSION_COOKIE = "kypso_session";

    private final RaporService rapor;
    private final OfficeRegistry offices;
    private final UserAccounts accounts;
    private final Exports exports;
    private final PrivatePages privatePages;

    public Pages(RaporService rapor, OfficeRegistry offices, FleetService fleet,
            UserAccounts accounts, EnrollmentService enrollment, Clock clock, ZoneId zone) {
        this.rapor = rapor;
        this.offices = offices;
        this.accounts = accounts;
        this.exports = new Exports(rapor, offices);
        this.privatePages = new PrivatePages(accounts, offices, fleet, rapor, enrollment, clock,
                zone, this);
    }

    public void register(Javalin app) {
        // Exports first: their paths end in .csv, .pdf or .json and would otherwise match the
        // page routes, since a path parameter takes the whole segment.
        exports.register(app);
        privatePages.register(app);
        app.get("/", this::home);
        app.get("/rapor/regions/{region}", ctx -> html(ctx, regionPage(ctx,
                rapor.region(ApiRoutes.region(ctx), ApiRoutes.period(ctx)))));
        app.get("/rapor/offices/{officeId}", ctx -> html(ctx, officePage(ctx,
                rapor.office(ApiRoutes.office(ctx, offices), ApiRoutes.period(ctx)))));
        app.get("/rapor/officers/{nip}", ctx -> html(ctx, officerPage(ctx,
                rapor.officer(ApiRoutes.nip(ctx), ApiRoutes.period(ctx)))));
    }

    private void home(Context ctx) {
        Messages messages = messages(ctx);
        Period period = ApiRoutes.period(ctx);
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(Html.escape(messages.get("app.tagline"))).append("</p>");
        body.append(periodForm(messages, period, "/"));
        List<String> regions = rapor.regions();
        if (regions.isEmpty()) {
            body.append("<p>").append(Html.escape(messages.get("home.none"))).append("</p>");
        } else {
            body.append("<h2>").append(Html.escape(messages.get("home.regions"))).append("</h2>");
            List<Summary> summaries = regions.stream()
                    .map(region -> rapor.regionSummary(region, period)).toList();
            body.append(summaryTable(messages, summaries, "/rapor/regions/",
                    messages.get("home.regions"), period));
        }
        html(ctx, page(ctx, messages.get("app.title"), body.toString()));
    }

    String regionPage(Context ctx, RegionRapor region) {
        Messages messages = messages(ctx);
        Period period = ApiRoutes.period(ctx);
        StringBuilder body = new StringBuilder();
        body.append(periodForm(messages, period, ctx.path()));
        body.append(headline(messages, region.index(), region.band(), region.responses(),
                region.unverifiedResponses(), region.minimumResponses()));
        body.append(exportLinks(messages, "/rapor/regions/" + region.region(), period, false,
                "/open-data/regions/" + region.region() + ".json"));
        body.append(figures(messages, region.elements(), region.principles(), region.trend(),
                region.answerDistribution()));
        body.append("<h2>").append(Html.escape(messages.get("section.offices"))).append("</h2>");
        body.append(summaryTable(messages, region.offices(), "/rapor/offices/",
                messages.get("section.offices"), period));
        body.append(serviceTimes(messages, region.serviceTimes()));
        body.append(complaintCounts(messages, region.complaintsByCategory()));
        return page(ctx, messages.get("region.title", region.region()), body.toString());
    }

    String officePage(Context ctx, OfficeRapor office) {
        Messages messages = messages(ctx);
        Period period = ApiRoutes.period(ctx);
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/rapor/regions/").append(Html.escape(office.region()))
                .append(langQuery(messages)).append("\">")
                .append(Html.escape(messages.get("region.title", office.region())))
                .append("</a></p>");
        body.append(periodForm(messages, period, ctx.path()));
        body.append(headline(messages, office.index(), office.band(), office.responses(),
                office.unverifiedResponses(), office.minimumResponses()));
        body.append(exportLinks(messages, "/rapor/offices/" + office.officeId(), period, false,
                null));
        body.append(figures(messages, office.elements(), office.principles(), office.trend(),
                office.answerDistribution()));
        body.append("<h2>").append(Html.escape(messages.get("section.officers")))
                .append("</h2>");
        body.append(summaryTable(messages, office.officers(), "/rapor/officers/",
                messages.get("section.officers"), period));
        body.append(serviceTimes(messages, office.serviceTimes()));
        body.append(complaintCounts(messages, office.complaintsByCategory()));
        return page(ctx, messages.get("office.title", office.name() + " (" + office.officeId()
                + ")"), body.toString());
    }

    String officerPage(Context ctx, OfficerRapor officer) {
        Messages messages = messages(ctx);
        Period period = ApiRoutes.period(ctx);
        StringBuilder body = new StringBuilder();
        if (officer.officeId() != null) {
            body.append("<p><a href=\"/rapor/offices/").append(Html.escape(officer.officeId()))
                    .append(langQuery(messages)).append("\">")
                    .append(Html.escape(messages.get("office.title", officer.officeId())))
                    .append("</a></p>");
        }
        body.append("<p>NIP ").append(Html.escape(officer.nip())).append("</p>");
        body.append(periodForm(messages, period, ctx.path()));
        body.append(headline(messages, officer.index(), officer.band(), officer.responses(),
                officer.unverifiedResponses(), officer.minimumResponses()));
        body.append(exportLinks(messages, "/rapor/officers/" + officer.nip(), period, true,
                null));
        body.append(figures(messages, officer.elements(), officer.principles(), officer.trend(),
                officer.answerDistribution()));
        String name = officer.name() == null ? messages.get("officer.unknown") : officer.name();
        return page(ctx, messages.get("officer.title", name), body.toString());
    }

    private String headline(Messages messages, BigDecimal index, SkmBand band, long responses,
            long unverified, int minimum) {
        StringBuilder out = new StringBuilder("<div class=\"headline\">");
        out.append("<div class=\"card\"><div>").append(Html.escape(messages.get("figure.index")))
                .append("</div><div class=\"big\" data-figure=\"index\">");
        if (index == null) {
            out.append("<span class=\"notenough\">")
                    .append(Html.escape(messages.get("figure.notEnough"))).append("</span>");
        } else {
            out.append(index.toPlainString());
        }
        out.append("</div></div>");
        out.append("<div class=\"card\"><div>").append(Html.escape(messages.get("figure.band")))
                .append("</div><div class=\"big\" data-figure=\"band\">")
                .append(band == null ? "-" : Html.escape(messages.get("band." + band.name())))
                .append("</div></div>");
        out.append("<div class=\"card\"><div>")
                .append(Html.escape(messages.get("figure.responses")))
                .append("</div><div class=\"big\" data-figure=\"responses\">").append(responses)
                .append("</div>");
        if (unverified > 0) {
            out.append("<div class=\"hint\">").append(unverified).append(' ')
                    .append(Html.escape(messages.get("figure.unverified"))).append("</div>");
        }
        out.append("</div></div>");
        if (index == null) {
            out.append("<p>").append(Html.escape(messages.get("figure.notEnoughDetail",
                    String.valueOf(minimum)))).append("</p>");
        }
        return out.toString();
    }

    private String figures(Messages messages, List<ElementFigure> elements,
            List<PrincipleFigure> principles, List<TrendPoint> trend,
            Map<Integer, Long> distribution) {
        StringBuilder out = new StringBuilder();
        out.append("<h2>").append(Html.escape(messages.get("section.elements"))).append("</h2>")
                .append("<div class=\"scroll\"><table><caption>")
                .append(Html.escape(messages.get("section.elements"))).append("</caption><thead>")
                .append("<tr><th scope=\"col\">").append(Html.escape(messages.get("column.element")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.answers")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.mean")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.index"))).append("</th></tr></thead><tbody>");
        for (ElementFigure element : elements) {
            out.append("<tr><th scope=\"row\">").append(element.code()).append(' ')
                    .append(Html.escape(messages.get("skm." + element.element().name())))
                    .append("</th><td class=\"num\">").append(element.answers())
                    .append("</td><td class=\"num\">").append(orNotEnough(messages, element.mean()))
                    .append("</td><td class=\"num\">")
                    .append(orNotEnough(messages, element.index())).append("</td></tr>");
        }
        out.append("</tbody></table></div>");

        out.append("<h2>").append(Html.escape(messages.get("section.principles")))
                .append("</h2><div class=\"scroll\"><table><caption>")
                .append(Html.escape(messages.get("section.principles")))
                .append("</caption><thead><tr><th scope=\"col\">")
                .append(Html.escape(messages.get("column.principle")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.answers")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.index")))
                .append("</th><th scope=\"col\">").append(Html.escape(messages.get("figure.band")))
                .append("</th></tr></thead><tbody>");
        for (PrincipleFigure principle : principles) {
            out.append("<tr><th scope=\"row\">")
                    .append(Html.escape(messages.get("asn." + principle.principle().name())))
                    .append("</th><td class=\"num\">").append(principle.answers())
                    .append("</td><td class=\"num\">")
                    .append(orNotEnough(messages, principle.index())).append("</td><td>")
                    .append(principle.band() == null ? "-"
                            : Html.escape(messages.get("band." + principle.band().name())))
                    .append("</td></tr>");
        }
        out.append("</tbody></table></div>");

        out.append("<h2>").append(Html.escape(messages.get("section.trend"))).append("</h2>")
                .append(Charts.trend(trend, messages.get("chart.trend"),
                        messages.get("chart.noData")))
                .append("<details><summary>").append(Html.escape(messages.get("section.trend")))
                .append("</summary><table><thead><tr><th scope=\"col\">")
                .append(Html.escape(messages.get("column.month")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.responses")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.index")))
                .append("</th></tr></thead><tbody>");
        for (TrendPoint point : trend) {
            out.append("<tr><td>").append(point.month()).append("</td><td class=\"num\">")
                    .append(point.responses()).append("</td><td class=\"num\">")
                    .append(point.responses() == 0 ? "-" : orNotEnough(messages, point.index()))
                    .append("</td></tr>");
        }
        out.append("</tbody></table></details>");

        Map<String, Long> values = new LinkedHashMap<>();
        distribution.forEach((value, count) -> values.put(String.valueOf(value), count));
        out.append("<h2>").append(Html.escape(messages.get("section.distribution")))
                .append("</h2>").append(Charts.bars(values, messages.get("chart.distribution")));
        return out.toString();
    }

    private String summaryTable(Messages messages, List<Summary> summaries, String linkPrefix,
            String caption, Period period) {
        StringBuilder out = new StringBuilder("<div class=\"scroll\"><table><caption>")
                .append(Html.escape(caption)).append("</caption><thead><tr><th scope=\"col\">")
                .append(Html.escape(caption)).append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.responses")))
                .append("</th><th scope=\"col\" class=\"num\">")
                .append(Html.escape(messages.get("figure.index"))).append("</th><th scope=\"col\">")
                .append(Html.escape(messages.get("figure.band"))).append("</th></tr></thead><tbody>");
        for (Summary summary : summaries) {
            String label = summary.name() == null || summary.name().equals(summary.id())
                    ? summary.id() : summary.name() + " (" + summary.id() + ")";
            out.append("<tr><th scope=\"row\"><a href=\"").append(linkPrefix)
                    .append(Html.escape(summary.id())).append(query(messages, period))
                    .append("\">").append(Html.escape(label)).append("</a></th><td class=\"num\">")
                    .append(summary.responses()).append("</td><td class=\"num\">")
                    .append(orNotEnough(messages, summary.index())).append("</td><td>")
                    .append(summary.band() == null ? "-"
                            : Html.escape(messages.get("band." + summary.band().name())))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    String serviceTimes(Messages messages, ServiceTimes times) {
        StringBuilder out = new StringBuilder("<h2>")
                .append(Html.escape(messages.get("section.serviceTimes"))).append("</h2><table>")
                .append("<caption>").append(Html.escape(messages.get("section.serviceTimes")))
                .append("</caption><tbody>");
        row(out, messages.get("service.ticketsIssued"), times.ticketsIssued());
        row(out, messages.get("service.surveyedWithin24h"), times.surveyedWithin24h());
        row(out, messages.get("service.redeemed"), times.redeemed());
        row(out, messages.get("service.pickupWithin24h"), times.pickupWithin24h());
        row(out, messages.get("service.pickupOver24h"), times.pickupOver24h());
        row(out, messages.get("service.waitingOver24h"), times.waitingOver24h());
        row(out, messages.get("service.averageHours"), times.averageHoursToPickup() == null ? "-"
                : times.averageHoursToPickup().toPlainString());
        out.append("</tbody></table>");
        out.append(Charts.bars(times.pickupBuckets(), messages.get("chart.buckets")));
        return out.toString();
    }

    private String complaintCounts(Messages messages, Map<String, Long> counts) {
        StringBuilder out = new StringBuilder("<h2>")
                .append(Html.escape(messages.get("section.complaints"))).append("</h2>");
        if (counts.isEmpty()) {
            return out.append("<p>").append(Html.escape(messages.get("complaint.none")))
                    .append("</p>").toString();
        }
        out.append("<table><caption>").append(Html.escape(messages.get("section.complaints")))
                .append("</caption><tbody>");
        counts.forEach((category, count) -> row(out, messages.get("complaint." + category),
                count));
        return out.append("</tbody></table>").toString();
    }

    private static void row(StringBuilder out, String label, Object value) {
        out.append("<tr><th scope=\"row\">").append(Html.escape(label))
                .append("</th><td class=\"num\">").append(Html.escape(value)).append("</td></tr>");
    }

    private String exportLinks(Messages messages, String base, Period period, boolean pdf,
            String openData) {
        String query = "?period=" + period.label();
        StringBuilder out = new StringBuilder("<p aria-label=\"")
                .append(Html.escape(messages.get("section.exports"))).append("\">")
                .append("<a href=\"").append(base).append(".csv").append(query).append("\">")
                .append(Html.escape(messages.get("export.csv"))).append("</a>");
        if (pdf) {
            out.append(" | <a href=\"").append(base).append(".pdf").append(query)
                    .append(messages.language().equals("en") ? "&amp;lang=en" : "").append("\">")
                    .append(Html.escape(messages.get("export.pdf"))).append("</a>");
        }
        if (openData != null) {
            out.append(" | <a href=\"").append(openData).append(query).append("\">")
                    .append(Html.escape(messages.get("export.json"))).append("</a>");
        }
        return out.append("</p>").toString();
    }

    private static String periodForm(Messages messages, Period period, String action) {
        return "<form class=\"inline\" method=\"get\" action=\"" + Html.escape(action) + "\">"
                + "<div><label for=\"period\">" + Html.escape(messages.get("period.label"))
                + "</label><input id=\"period\" name=\"period\" value=\""
                + Html.escape(period.label()) + "\" aria-describedby=\"period-hint\""
                + " pattern=\"all|\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?\">"
                + "<div id=\"period-hint\" class=\"hint\">"
                + Html.escape(messages.get("period.hint")) + "</div></div>"
                + (messages.language().equals("en")
                        ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
                + "<button type=\"submit\">" + Html.escape(messages.get("period.show"))
                + "</button></form>";
    }

    private static String orNotEnough(Messages messages, BigDecimal value) {
        return value == null ? "<span class=\"notenough\">"
                + Html.escape(messages.get("figure.notEnough")) + "</span>"
                : value.toPlainString();
    }

    private static String query(Messages messages, Period period) {
        String query = period.isAll() ? "" : "?period=" + period.label();
        if (messages.language().equals("en")) {
            query += (query.isEmpty() ? "?" : "&amp;") + "lang=en";
        }
        return query;
    }

    private static String langQuery(Messages messages) {
        return messages.language().equals("en") ? "?lang=en" : "";
    }

    static Messages messages(Context ctx) {
        return Messages.of(ctx.queryParam("lang"));
    }

    Optional<Session> session(Context ctx) {
        return accounts.session(ctx.cookie(SESSION_COOKIE));
    }

    /** Wraps a page body in the layout, with the link to the same page in the other language. */
    String page(Context ctx, String title, String body) {
        Messages messages = messages(ctx);
        Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
        params.remove("lang");
        StringBuilder other = new StringBuilder(ctx.path());
        String separator = "?";
        for (var entry : params.entrySet()) {
            for (String value : entry.getValue()) {
                other.append(separator).append(entry.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(value,
                                java.nio.charset.StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        if (!messages.language().equals("en")) {
            other.append(separator).append("lang=en");
        }
        Optional<Session> session = session(ctx);
        return Html.page(messages, title, body, other.toString(),
                session.map(s -> s.user().username()).orElse(null),
                session.map(Session::csrfToken).orElse(null));
    }

    static void html(Context ctx, String page) {
        ctx.contentType("text/html; charset=utf-8").result(page);
    }

    List<Office> offices() {
        return offices.all();
    }
}
