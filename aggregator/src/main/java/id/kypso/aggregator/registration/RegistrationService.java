package id.kypso.aggregator.registration;

import id.kypso.aggregator.admin.OfficeRegistry;
import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.config.KeyRings;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.sync.RegistrationList;
import id.kypso.core.sync.RegistrationUpload;
import id.kypso.core.sync.RegistrationUpload.Result;
import id.kypso.core.sync.RegistrationUpload.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recent registration slips per office. The desk sends the slips it signs; the office's kiosks
 * pull them to check slip numbers keyed in by hand. A slip is kept only when it verifies under
 * a current key of its office, and only for {@code days} after its perekaman.
 */
public final class RegistrationService {
    /**
     * How far before a kiosk's {@code since} slips are sent again, so a slip stored by a
     * transaction that committed after the kiosk's last pull read the table is not missed.
     */
    static final Duration SINCE_OVERLAP = Duration.ofMinutes(1);
    /** How far ahead of the server's clock a perekaman time may be. */
    static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final Database database;
    private final OfficeRegistry offices;
    private final Clock clock;
    private final int days;

    public RegistrationService(Database database, OfficeRegistry offices, Clock clock,
            int days) {
        if (days < 1) {
            throw new IllegalArgumentException("registration days must be at least 1, got " + days);
        }
        this.database = database;
        this.offices = offices;
        this.clock = clock;
        this.days = days;
    }

    /** Verifies and stores {@code upload}; one result per slip, in order. */
    public RegistrationUpload.Response upload(String officeId, RegistrationUpload upload) {
        offices.require(officeId);
        if (upload.slips().isEmpty() || upload.slips().size() > RegistrationUpload.MAX_SLIPS) {
            throw ProblemException.unprocessable("an upload must carry 1-"
                    + RegistrationUpload.MAX_SLIPS + " slips, got " + upload.slips().size());
        }
        MapKeyRing keys = KeyRings.ring(offices.keys(officeId));
        long now = clock.millis();
        long oldest = now - Duration.ofDays(days).toMillis();
        List<Result> results = new ArrayList<>();
        List<RegistrationSlip> accepted = new ArrayList<>();
        List<String> acceptedText = new ArrayList<>();
        for (String text : upload.slips()) {
            RegistrationSlip slip;
            try {
                slip = SlipCodec.decode(text == null ? "" : text.strip(), keys);
            } catch (PayloadException e) {
                results.add(new Result(null, Status.REJECTED, e.reason().name()
                        + ": " + e.getMessage()));
                continue;
            }
            long perekamanAt = slip.perekamanAt().toEpochMilli();
            String problem = !slip.office().toString().equals(officeId)
                    ? "the slip is of office " + slip.office() + ", not " + officeId
                    : perekamanAt > now + FUTURE_ALLOWANCE.toMillis()
                    ? "the perekaman time is in the future: " + slip.perekamanAt()
                    : perekamanAt < oldest
                    ? "the perekaman is older than " + days + " days: " + slip.perekamanAt()
                    : null;
            if (problem != null) {
                results.add(new Result(slip.registrationNumber(), Status.REJECTED, problem));
                continue;
            }
            results.add(null);
            accepted.add(slip);
            acceptedText.add(text.strip());
        }

        List<Status> stored = database.inTransaction(connection -> {
            List<Status> statuses = new ArrayList<>();
            for (int i = 0; i < accepted.size(); i++) {
                RegistrationSlip slip = accepted.get(i);
                Optional<String> existing = Sql.queryOne(connection, "SELECT slip FROM"
                        + " registration WHERE office_id = ? AND registration_number = ?",
                        rows -> rows.getString(1), officeId, slip.registrationNumber());
                if (existing.isPresent() && existing.get().equals(acceptedText.get(i))) {
                    statuses.add(Status.DUPLICATE);
                    continue;
                }
                // A slip printed again for the same registration (say, after a correction)
                // replaces the earlier one.
                Sql.update(connection, "DELETE FROM registration WHERE office_id = ? AND"
                        + " registration_number = ?", officeId, slip.registrationNumber());
                Sql.update(connection, "INSERT INTO registration (office_id,"
                        + " registration_number, slip, perekaman_at, received_at)"
                        + " VALUES (?,?,?,?,?)", officeId, slip.registrationNumber(),
                        acceptedText.get(i), slip.perekamanAt().toEpochMilli(), now);
                statuses.add(Status.STORED);
            }
            // Every office's expired slips go here, so none outlive the window by much.
            Sql.update(connection, "DELETE FROM registration WHERE perekaman_at < ?", oldest);
            return statuses;
        });

        int next = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                results.set(i, new Result(accepted.get(next).registrationNumber(),
                        stored.get(next), null));
                next++;
            }
        }
        long rejected = results.stream().filter(r -> r.status() == Status.REJECTED).count();
        log.info("Registration upload for office {}: {} slips, {} rejected", officeId,
                results.size(), rejected);
        return new RegistrationUpload.Response(results);
    }

    /**
     * Returns the office's slips of the last {@code days}, oldest perekaman first: all of them
     * when {@code since} is null, else those received from {@link #SINCE_OVERLAP} before
     * {@code since} on.
     */
    public RegistrationList recent(String officeId, Instant since) {
        Instant asOf = clock.instant();
        long oldest = asOf.toEpochMilli() - Duration.ofDays(days).toMillis();
        long receivedFrom = since == null ? Long.MIN_VALUE
                : since.minus(SINCE_OVERLAP).toEpochMilli();
        List<String> slips = database.read(connection -> Sql.query(connection, "SELECT slip"
                + " FROM registration WHERE office_id = ? AND perekaman_at >= ?"
                + " AND received_at >= ? ORDER BY perekaman_at, registration_number",
                rows -> rows.getString(1), officeId, oldest, receivedFrom));
        return new RegistrationList(RegistrationList.FORMAT, officeId, days, since == null,
                asOf, slips);
    }
}
