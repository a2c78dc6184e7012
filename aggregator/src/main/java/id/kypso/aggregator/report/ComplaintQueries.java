package id.kypso.aggregator.report;

import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Complaint reports with their text, for the office head and the Ombudsman only. The date is
 * given to the day, not the hour, which is enough to look into a complaint.
 */
public final class ComplaintQueries {
    private final Database database;
    private final RaporService rapor;

    public ComplaintQueries(Database database, RaporService rapor) {
        this.database = database;
        this.rapor = rapor;
    }

    /** One complaint as the office head and Ombudsman see it. */
    public record ComplaintRow(String officeId, String nip, String category, String text,
            LocalDate date) {
    }

    public List<ComplaintRow> list(Optional<String> officeId, Period period) {
        long start = period.start(rapor.zone()).toEpochMilli();
        long end = period.end(rapor.zone()).toEpochMilli();
        String where = officeId.isPresent() ? " AND office_id = ?" : "";
        Object[] parameters = officeId.isPresent() ? new Object[] {start, end, officeId.get()}
                : new Object[] {start, end};
        return database.read(connection -> Sql.query(connection, "SELECT office_id, nip,"
                + " category, complaint_text, surveyed_hour FROM complaint WHERE surveyed_hour"
                + " >= ? AND surveyed_hour < ?" + where + " ORDER BY surveyed_hour DESC,"
                + " office_id LIMIT 500", rows -> new ComplaintRow(rows.getString(1),
                        rows.getString(2), rows.getString(3), rows.getString(4),
                        LocalDate.ofInstant(Instant.ofEpochMilli(rows.getLong(5)),
                                rapor.zone())), parameters));
    }
}
