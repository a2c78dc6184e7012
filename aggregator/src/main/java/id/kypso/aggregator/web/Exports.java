package id.kypso.aggregator.web;

import id.kypso.aggregator.admin.OfficeRegistry;
import id.kypso.aggregator.report.Period;
import id.kypso.aggregator.report.Rapor.ElementFigure;
import id.kypso.aggregator.report.Rapor.OfficerRapor;
import id.kypso.aggregator.report.Rapor.PrincipleFigure;
import id.kypso.aggregator.report.Rapor.RegionRapor;
import id.kypso.aggregator.report.Rapor.Summary;
import id.kypso.aggregator.report.RaporService;
import id.kypso.core.score.SkmBand;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads: CSV per view (one row per figure, with its count), the officer rapor-el as PDF,
 * and open-data JSON per kabupaten/kota. Every export carries the same public figures as
 * the pages, so none reveals more than they do.
 */
final class Exports {
    private final RaporService rapor;
    private final OfficeRegistry offices;

    Exports(RaporService rapor, OfficeRegistry offices) {
        this.rapor = rapor;
        this.offices = offices;
    }

    void register(Javalin app) {
        app.get("/rapor/officers/{nip}.csv", ctx -> {
            OfficerRapor officer = rapor.officer(ApiRoutes.nip(ctx), ApiRoutes.period(ctx));
            csv(ctx, "rapor-" + officer.nip() + "-" + officer.period(),
                    rows("officer", officer.nip(), officer.period(), officer.responses(),
                            officer.index(), officer.band(), officer.elements(),
                            officer.principles(), List.of()));
        });
        app.get("/rapor/offices/{officeId}.csv", ctx -> {
            var office = rapor.office(ApiRoutes.office(ctx, offices), ApiRoutes.period(ctx));
            csv(ctx, "rapor-" + office.officeId() + "-" + office.period(),
                    rows("office", office.officeId(), office.period(), office.responses(),
                            office.index(), office.band(), office.elements(),
                            office.principles(), office.officers()));
        });
        app.get("/rapor/regions/{region}.csv", ctx -> {
            RegionRapor region = rapor.region(ApiRoutes.region(ctx), ApiRoutes.period(ctx));
            csv(ctx, "rapor-" + region.region() + "-" + region.period(),
                    rows("region", region.region(), region.period(), region.responses(),
                            region.index(), region.band(), region.elements(),
                            region.principles(), region.offices()));
        });
        app.get("/rapor/officers/{nip}.pdf", ctx -> {
            OfficerRapor officer = rapor.officer(ApiRoutes.nip(ctx), ApiRoutes.period(ctx));
            byte[] pdf = RaporPdf.render(officer, Pages.messages(ctx));
            ctx.contentType("application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"rapor-"
                            + officer.nip() + "-" + officer.period() + ".pdf\"")
                    .result(pdf);
        });
        app.get("/open-data/regions/{region}.json", ctx -> {
            RegionRapor region = rapor.region(ApiRoutes.region(ctx), ApiRoutes.period(ctx));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("format", "kypso-open-data/1");
            document.put("license", "CC-BY-4.0");
            document.put("zone", rapor.zone().getId());
            document.put("region", region);
            List<Map<String, Object>> officers = new java.util.ArrayList<>();
            for (Summary office : region.offices()) {
                var figures = rapor.office(offices.require(office.id()), ApiRoutes.period(ctx));
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("officeId", office.id());
                entry.put("officers", figures.officers());
                officers.add(entry);
            }
            document.put("officersByOffice", officers);
            Problems.json(ctx, document);
        });
    }

    /**
     * Builds the CSV rows: a header, the overall figure, then one row per element, principle
     * and listed officer or office. Withheld figures are empty cells.
     */
    static List<List<String>> rows(String scope, String id, String period, long responses,
            BigDecimal index, SkmBand band, List<ElementFigure> elements,
            List<PrincipleFigure> principles, List<Summary> members) {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("scope", "id", "period", "dimension", "name", "responses_or_answers",
                "mean", "index", "band"));
        rows.add(List.of(scope, id, period, "overall", "", String.valueOf(responses), "",
                text(index), band == null ? "" : band.name()));
        for (ElementFigure element : elements) {
            rows.add(List.of(scope, id, period, "element", element.code() + " "
                    + element.element().name(), String.valueOf(element.answers()),
                    text(element.mean()), text(element.index()), ""));
        }
        for (PrincipleFigure principle : principles) {
            rows.add(List.of(scope, id, period, "principle", principle.principle().name(),
                    String.valueOf(principle.answers()), "", text(principle.index()),
                    principle.band() == null ? "" : principle.band().name()));
        }
        String memberKind = scope.equals("region") ? "office" : "officer";
        for (Summary member : members) {
            rows.add(List.of(scope, id, period, memberKind, member.id() + (member.name() == null
                    ? "" : " " + member.name()), String.valueOf(member.responses()), "",
                    text(member.index()), member.band() == null ? "" : member.band().name()));
        }
        return rows;
    }

    static void csv(Context ctx, String name, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .result(out.toString());
    }

    /** Quotes a cell as RFC 4180 says, and defuses text a spreadsheet would run as a formula. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n")
                || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static Period period(Context ctx) {
        return ApiRoutes.period(ctx);
    }
}
