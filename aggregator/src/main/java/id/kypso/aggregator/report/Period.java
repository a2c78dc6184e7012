package id.kypso.aggregator.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A report period: one month ({@code 2026-12}), a quarter ({@code 2026-Q4}), a year
 * ({@code 2026}) or all time ({@code all}), as an inclusive range of {@code yyyyMM} months.
 */
public record Period(String label, int fromMonth, int toMonth) {
    public static final Period ALL = new Period("all", 0, 999_912);

    /** Parses a period, or returns {@link #ALL} for null or blank text. */
    public static Period parse(String text) {
        if (text == null || text.isBlank() || text.equals("all")) {
            return ALL;
        }
        if (text.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            int month = Integer.parseInt(text.substring(0, 4)) * 100
                    + Integer.parseInt(text.substring(5));
            return new Period(text, month, month);
        }
        if (text.matches("\\d{4}-Q[1-4]")) {
            int year = Integer.parseInt(text.substring(0, 4));
            int quarter = text.charAt(6) - '0';
            int first = year * 100 + (quarter - 1) * 3 + 1;
            return new Period(text, first, first + 2);
        }
        if (text.matches("\\d{4}")) {
            int year = Integer.parseInt(text);
            return new Period(text, year * 100 + 1, year * 100 + 12);
        }
        throw new IllegalArgumentException("period must look like 2026-12, 2026-Q4, 2026 or"
                + " all: " + text);
    }

    public boolean isAll() {
        return this.equals(ALL);
    }

    /** Returns the first instant of the period in {@code zone}. */
    public Instant start(ZoneId zone) {
        if (isAll()) {
            return Instant.EPOCH;
        }
        return YearMonth.of(fromMonth / 100, fromMonth % 100).atDay(1).atStartOfDay(zone)
                .toInstant();
    }

    /** Returns the first instant after the period in {@code zone}. */
    public Instant end(ZoneId zone) {
        if (isAll()) {
            return Instant.parse("9999-01-01T00:00:00Z");
        }
        LocalDate next = YearMonth.of(toMonth / 100, toMonth % 100).plusMonths(1).atDay(1);
        return next.atStartOfDay(zone).toInstant();
    }
}
