package id.kypso.aggregator.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns times into report months ({@code yyyyMM} as an integer) in the zone the reports use,
 * so a survey at 23:30 WIB on the last day of a month counts in that month.
 */
public final class Months {
    private final ZoneId zone;

    public Months(ZoneId zone) {
        this.zone = zone;
    }

    public int monthOf(Instant time) {
        ZonedDateTime local = time.atZone(zone);
        return local.getYear() * 100 + local.getMonthValue();
    }

    public ZoneId zone() {
        return zone;
    }
}
