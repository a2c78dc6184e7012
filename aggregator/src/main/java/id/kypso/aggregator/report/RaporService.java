package id.kypso.aggregator.report;

import id.kypso.aggregator.admin.Office;
import id.kypso.aggregator.admin.OfficeRegistry;
import id.kypso.aggregator.report.Rapor.ElementFigure;
import id.kypso.aggregator.report.Rapor.OfficeRapor;
import id.kypso.aggregator.report.Rapor.OfficerRapor;
import id.kypso.aggregator.report.Rapor.PrincipleFigure;
import id.kypso.aggregator.report.Rapor.RegionRapor;
import id.kypso.aggregator.report.Rapor.ServiceTimes;
import id.kypso.aggregator.report.Rapor.Summary;
import id.kypso.aggregator.report.Rapor.TrendPoint;
import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.core.score.SkmScore;
import id.kypso.core.score.SkmTally;
import id.kypso.core.survey.AsnPrinciple;
import id.kypso.core.survey.SkmElement;
import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Computes rapor-el figures from the monthly sums: per officer over the answers that name the
 * officer, per office and per kabupaten/kota over every answer given there. The SKM arithmetic
 * is {@link SkmTally}'s; a scope with fewer than {@code minimumResponses} responses gets counts
 * but no index, band or means.
 */
public final class RaporService {
    private static final long HOUR = 3_600_000L;
    private static final int TREND_MONTHS = 12;

    private final Database database;
    private final OfficeRegistry offices;
    private final Clock clock;
    private final ZoneId zone;
    private final int minimumResponses;

    public RaporService(Database database, OfficeRegistry offices, Clock clock, ZoneId zone,
            int minimumResponses) {
        if (minimumResponses < 1) {
            throw new IllegalArgumentException("minimum responses must be 1 or more: "
                    + minimumResponses);
        }
        this.database = database;
        this.offices = offices;
        this.clock = clock;
        this.zone = zone;
        this.minimumResponses = minimumResponses;
    }

    public int minimumResponses() {
        return minimumResponses;
    }

    public ZoneId zone() {
        return zone;
    }

    public Database database() {
        return database;
    }

    public OfficerRapor officer(String nip, Period period) {
        Scope scope = new Scope("nip = ?", "nip = ?", nip);
        Sums sums = sums(scope, period);
        Figures figures = figures(sums);
        String name = offices.officerName(nip).orElse(null);
        String officeId = offices.officeOf(nip).map(Office::officeId).orElse(null);
        return new OfficerRapor(nip, name, officeId, period.label(), sums.responses,
                sums.unverified, figures.index, figures.band, figures.enough, minimumResponses,
                figures.elements, figures.principles, distribution(sums, figures), trend(scope, period));
    }

    public OfficeRapor office(Office office, Period period) {
        Scope scope = new Scope("office_id = ?", "office_id = ? AND nip = ''",
                office.officeId());
        Sums sums = sums(scope, period);
        Figures figures = figures(sums);
        return new OfficeRapor(office.officeId(), office.name(), office.region(), period.label(),
                sums.responses, sums.unverified, figures.index, figures.band, figures.enough,
                minimumResponses, figures.elements, figures.principles, distribution(sums, figures),
                trend(scope, period), officers(office, period),
                serviceTimes("office_id = ?", office.officeId(), period),
                complaints("office_id = ?", office.officeId(), period));
    }

    public RegionRapor region(String region, Period period) {
        Scope scope = new Scope("region = ?", "region = ? AND nip = ''", region);
        Sums sums = sums(scope, period);
        Figures figures = figures(sums);
        List<Summary> officeSummaries = new ArrayList<>();
        for (Office office : offices.all()) {
            if (!office.region().equals(region)) {
                continue;
            }
            Sums officeSums = sums(new Scope("office_id = ?", "office_id = ? AND nip = ''",
                    office.officeId()), period);
            officeSummaries.add(summary(office.officeId(), office.name(), officeSums));
        }
        return new RegionRapor(region, period.label(), sums.responses, sums.unverified,
                figures.index, figures.band, figures.enough, minimumResponses,
                figures.elements, figures.principles, distribution(sums, figures), trend(scope, period),
                officeSummaries, serviceTimes("region = ?", region, period),
                complaints("region = ?", region, period));
    }

    /** Returns the headline figure of a kabupaten/kota, without its lists, for overviews. */
    public Summary regionSummary(String region, Period period) {
        Sums sums = sums(new Scope("region = ?", "region = ? AND nip = ''", region), period);
        return summary(region, region, sums);
    }

    /** Returns the kabupaten/kota codes that have an office, in order. */
    public List<String> regions() {
        return offices.all().stream().map(Office::region).distinct().sorted().toList();
    }

    private List<Summary> officers(Office office, Period period) {
        Map<String, Sums> byNip = new TreeMap<>();
        database.read(connection -> {
            Sql.query(connection, "SELECT nip, dimension, sum(answer_sum), sum(answer_count)"
                    + " FROM score_month WHERE office_id = ? AND month BETWEEN ? AND ?"
                    + " GROUP BY nip, dimension", rows -> {
                        byNip.computeIfAbsent(rows.getString(1), nip -> new Sums())
                                .add(rows.getString(2), rows.getLong(3), rows.getLong(4));
                        return null;
                    }, office.officeId(), period.fromMonth(), period.toMonth());
            Sql.query(connection, "SELECT nip, sum(responses), sum(unverified) FROM"
                    + " response_month WHERE office_id = ? AND nip <> '' AND month BETWEEN ?"
                    + " AND ? GROUP BY nip", rows -> {
                        Sums sums = byNip.computeIfAbsent(rows.getString(1), nip -> new Sums());
                        sums.responses += rows.getLong(2);
                        sums.unverified += rows.getLong(3);
                        return null;
                    }, office.officeId(), period.fromMonth(), period.toMonth());
            return null;
        });
        Map<String, String> names = new HashMap<>();
        for (RosterOfficer officer : offices.roster(office.officeId())) {
            names.putIfAbsent(officer.nip(), officer.name());
            byNip.computeIfAbsent(officer.nip(), nip -> new Sums());
        }
        List<Summary> result = new ArrayList<>();
        for (var entry : byNip.entrySet()) {
            String name = names.getOrDefault(entry.getKey(),
                    offices.officerName(entry.getKey()).orElse(null));
            result.add(summary(entry.getKey(), name, entry.getValue()));
        }
        return result;
    }

    private Summary summary(String id, String name, Sums sums) {
        Figures figures = figures(sums);
        return new Summary(id, name, sums.responses, figures.index, figures.band,
                figures.enough);
    }

    private List<TrendPoint> trend(Scope scope, Period period) {
        Map<Integer, Sums> byMonth = new TreeMap<>();
        int last = period.isAll() ? new Months(zone).monthOf(clock.instant()) : period.toMonth();
        int first = monthsBefore(last, TREND_MONTHS - 1);
        database.read(connection -> {
            Sql.query(connection, "SELECT month, dimension, sum(answer_sum), sum(answer_count)"
                    + " FROM score_month WHERE " + scope.scoreWhere + " AND month BETWEEN ?"
                    + " AND ? AND dimension LIKE 'E:%' GROUP BY month, dimension", rows -> {
                        byMonth.computeIfAbsent(rows.getInt(1), month -> new Sums())
                                .add(rows.getString(2), rows.getLong(3), rows.getLong(4));
                        return null;
                    }, scope.key, first, last);
            Sql.query(connection, "SELECT month, sum(responses) FROM response_month WHERE "
                    + scope.responseWhere + " AND month BETWEEN ? AND ? GROUP BY month", rows -> {
                        byMonth.computeIfAbsent(rows.getInt(1), month -> new Sums())
                                .responses += rows.getLong(2);
                        return null;
                    }, scope.key, first, last);
            return null;
        });
        List<TrendPoint> points = new ArrayList<>();
        for (int month = first; month <= last; month = monthsBefore(month, -1)) {
            Sums sums = byMonth.getOrDefault(month, new Sums());
            Figures figures = figures(sums);
            points.add(new TrendPoint(String.format("%04d-%02d", month / 100, month % 100),
                    sums.responses, figures.index, figures.band));
        }
        return points;
    }

    private static int monthsBefore(int month, int count) {
        int index = (month / 100) * 12 + (month % 100 - 1) - count;
        return (index / 12) * 100 + index % 12 + 1;
    }

    private Sums sums(Scope scope, Period period) {
        Sums sums = new Sums();
        database.read(connection -> {
            Sql.query(connection, "SELECT dimension, sum(answer_sum), sum(answer_count) FROM"
                    + " score_month WHERE " + scope.scoreWhere + " AND month BETWEEN ? AND ?"
                    + " GROUP BY dimension", rows -> {
                        sums.add(rows.getString(1), rows.getLong(2), rows.getLong(3));
                        return null;
                    }, scope.key, period.fromMonth(), period.toMonth());
            Sql.query(connection, "SELECT sum(responses), sum(unverified) FROM response_month"
                    + " WHERE " + scope.responseWhere + " AND month BETWEEN ? AND ?", rows -> {
                        sums.responses += rows.getLong(1);
                        sums.unverified += rows.getLong(2);
                        return null;
                    }, scope.key, period.fromMonth(), period.toMonth());
            return null;
        });
        return sums;
    }

    /** Turns sums into figures, withholding every index when responses are too few. */
    Figures figures(Sums sums) {
        boolean enough = sums.responses >= minimumResponses;
        SkmTally tally = new SkmTally().countResponses(sums.responses);
        List<ElementFigure> elements = new ArrayList<>();
        for (SkmElement element : SkmElement.values()) {
            long[] sumCount = sums.elements.get(element);
            long count = sumCount == null ? 0 : sumCount[1];
            BigDecimal mean = null;
            BigDecimal index = null;
            if (count > 0) {
                tally.addAll(element, sumCount[0], count);
                if (enough) {
                    mean = BigDecimal.valueOf(sumCount[0])
                            .divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP);
                    index = SkmTally.fromMean(sumCount[0], count, sums.responses).index();
                }
            }
            elements.add(new ElementFigure(element.code(), element, count, mean, index));
        }
        List<PrincipleFigure> principles = new ArrayList<>();
        for (AsnPrinciple principle : AsnPrinciple.values()) {
            long[] sumCount = sums.principles.get(principle);
            if (sumCount == null || sumCount[1] == 0) {
                continue;
            }
            SkmScore score = enough ? SkmTally.fromMean(sumCount[0], sumCount[1],
                    sums.responses) : null;
            principles.add(new PrincipleFigure(principle, sumCount[1],
                    score == null ? null : score.index(), score == null ? null : score.band()));
        }
        Optional<SkmScore> score = enough ? tally.score() : Optional.empty();
        return new Figures(score.map(SkmScore::index).orElse(null),
                score.map(SkmScore::band).orElse(null), enough && score.isPresent(), elements,
                principles);
    }

    /**
     * Returns the counts of answers 1-4, or an empty map below the minimum: with a few
     * responses the counts would show how each citizen answered.
     */
    private static Map<Integer, Long> distribution(Sums sums, Figures figures) {
        return figures.enough() ? sums.distribution() : Map.of();
    }

    // TODO: keep monthly service-time sums at ingest like the score sums. This query scans
    // every ticket of the scope and period, about 0.6 s for an office with a million tickets
    // on SQLite; the redemption-dependent counts need care because a redemption may arrive
    // before its ticket-issued record.
    private ServiceTimes serviceTimes(String where, String key, Period period) {
        long start = period.start(zone).toEpochMilli();
        long end = period.end(zone).toEpochMilli();
        long now = clock.millis();
        long day = 24 * HOUR;
        return database.read(connection -> Sql.queryOne(connection, "SELECT count(*),"
                + " sum(CASE WHEN issued_at - perekaman_at <= ? THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN redeemed_at IS NOT NULL THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN redeemed_at - perekaman_at <= ? THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN redeemed_at - perekaman_at > ? THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN redeemed_at IS NULL AND revoked_at IS NULL"
                + " AND ? - perekaman_at > ? THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN redeemed_at IS NOT NULL THEN redeemed_at - perekaman_at"
                + " ELSE 0 END),"
                + " sum(CASE WHEN redeemed_at - perekaman_at <= ? THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN redeemed_at - perekaman_at > ? AND"
                + " redeemed_at - perekaman_at <= ? THEN 1 ELSE 0 END)"
                + " FROM ticket WHERE " + where + " AND issued_at >= ? AND issued_at < ?",
                rows -> {
                    long redeemed = rows.getLong(3);
                    long within24 = rows.getLong(4);
                    long over24 = rows.getLong(5);
                    long within1 = rows.getLong(8);
                    long within72 = rows.getLong(9);
                    BigDecimal average = redeemed == 0 ? null
                            : BigDecimal.valueOf(rows.getLong(7)).divide(
                                    BigDecimal.valueOf(redeemed * HOUR), 1, RoundingMode.HALF_UP);
                    Map<String, Long> buckets = new LinkedHashMap<>();
                    buckets.put("<=1h", within1);
                    buckets.put("1-24h", within24 - within1);
                    buckets.put("24-72h", within72);
                    buckets.put(">72h", over24 - within72);
                    return new ServiceTimes(rows.getLong(1), rows.getLong(2), redeemed,
                            within24, over24, rows.getLong(6), average, buckets);
                }, day, day, day, now, day, HOUR, day, 3 * day, key, start, end)).orElseThrow();
    }

    private Map<String, Long> complaints(String where, String key, Period period) {
        long start = period.start(zone).toEpochMilli();
        long end = period.end(zone).toEpochMilli();
        Map<String, Long> counts = new TreeMap<>();
        database.read(connection -> Sql.query(connection, "SELECT category, count(*) FROM"
                + " complaint WHERE " + where + " AND surveyed_hour >= ? AND surveyed_hour < ?"
                + " GROUP BY category", rows -> counts.put(rows.getString(1), rows.getLong(2)),
                key, start, end));
        return counts;
    }

    /** The SQL conditions of one scope: on score_month, on response_month, and their key. */
    private record Scope(String scoreWhere, String responseWhere, String key) {
    }

    record Figures(BigDecimal index, id.kypso.core.score.SkmBand band, boolean enough,
            List<ElementFigure> elements, List<PrincipleFigure> principles) {
    }

    /** Sums of answers per dimension and the response counts of one scope and period. */
    static final class Sums {
        final Map<SkmElement, long[]> elements = new EnumMap<>(SkmElement.class);
        final Map<AsnPrinciple, long[]> principles = new EnumMap<>(AsnPrinciple.class);
        final long[] values = new long[5];
        long responses;
        long unverified;

        void add(String dimension, long sum, long count) {
            String name = dimension.substring(2);
            switch (dimension.charAt(0)) {
                case 'E' -> accumulate(elements.computeIfAbsent(SkmElement.valueOf(name),
                        key -> new long[2]), sum, count);
                case 'P' -> accumulate(principles.computeIfAbsent(AsnPrinciple.valueOf(name),
                        key -> new long[2]), sum, count);
                case 'V' -> values[Integer.parseInt(name)] += count;
                default -> throw new IllegalStateException("unknown score dimension "
                        + dimension);
            }
        }

        Map<Integer, Long> distribution() {
            Map<Integer, Long> result = new LinkedHashMap<>();
            for (int value = 1; value <= 4; value++) {
                result.put(value, values[value]);
            }
            return result;
        }

        private static void accumulate(long[] target, long sum, long count) {
            target[0] += sum;
            target[1] += count;
        }
    }
}
