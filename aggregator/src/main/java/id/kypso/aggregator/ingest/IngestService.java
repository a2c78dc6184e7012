package id.kypso.aggregator.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.aggregator.config.SurveyCatalog;
import id.kypso.aggregator.enroll.Kiosk;
import id.kypso.aggregator.ingest.RecordValidator.InvalidRecordException;
import id.kypso.aggregator.ingest.RecordValidator.Valid;
import id.kypso.aggregator.report.Months;
import id.kypso.aggregator.store.Database;
import id.kypso.aggregator.store.Sql;
import id.kypso.aggregator.web.ProblemException;
import id.kypso.core.survey.Complaint;
import id.kypso.core.survey.OfficerRating;
import id.kypso.core.survey.Question;
import id.kypso.core.survey.SurveyDefinition;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.sync.PushRequest;
import id.kypso.core.sync.PushResponse;
import id.kypso.core.sync.PushResponse.RecordResult;
import id.kypso.core.sync.PushResponse.Status;
import id.kypso.core.sync.SyncRecord;
import id.kypso.core.ticket.TicketIssued;
import id.kypso.core.ticket.TicketRedeemed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores pushed records. A batch is one transaction: each record is STORED, DUPLICATE (same id
 * and same canonical content as before) or REJECTED with a reason, and the monthly score sums
 * behind the rapor-el are updated in the same transaction, so a figure never counts a record
 * twice or misses one that was acknowledged.
 */
public final class IngestService {
    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private static final java.util.Comparator<List<Object>> KEY_ORDER =
            java.util.Comparator.comparing(Object::toString);

    /** How long a push waits for a slot before it is answered 503. */
    static final java.time.Duration ADMISSION_WAIT = java.time.Duration.ofSeconds(10);

    private final java.util.concurrent.Semaphore admission;
    private final Database database;
    private final Clock clock;
    private final Months months;
    private final int maxRecords;
    private final RecordValidator validator;

    public IngestService(Database database, SurveyCatalog surveys, Clock clock, Months months,
            int maxRecords, int concurrentPushes, ObjectMapper mapper) {
        this.admission = new java.util.concurrent.Semaphore(concurrentPushes, true);
        this.database = database;
        this.clock = clock;
        this.months = months;
        this.maxRecords = maxRecords;
        this.validator = new RecordValidator(mapper, surveys);
    }

    /**
     * Stores a push, waiting at most {@link #ADMISSION_WAIT} for one of the push slots. When
     * thousands of kiosks reconnect at once, the rest get 503 with Retry-After and come back
     * later, instead of all waiting on the database until their requests time out.
     */
    public PushResponse push(Kiosk kiosk, PushRequest request) {
        boolean admitted;
        try {
            admitted = admission.tryAcquire(ADMISSION_WAIT.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "busy", "Service unavailable",
                    "interrupted while waiting to store the push of kiosk " + kiosk.id());
        }
        if (!admitted) {
            throw new ProblemException(503, "busy", "Service unavailable", "the aggregator is"
                    + " storing other pushes; retry the push of kiosk " + kiosk.id() + " later")
                    .with("retryAfterSeconds", 5);
        }
        try {
            return store(kiosk, request);
        } finally {
            admission.release();
        }
    }

    private PushResponse store(Kiosk kiosk, PushRequest request) {
        if (!kiosk.id().toString().equals(request.kioskId())) {
            throw ProblemException.forbidden("push names kiosk " + request.kioskId()
                    + " but is signed by " + kiosk.id());
        }
        List<SyncRecord> records = request.records() == null ? List.of() : request.records();
        if (records.size() > maxRecords) {
            throw ProblemException.unprocessable("push has " + records.size()
                    + " records, more than the limit of " + maxRecords + "; send smaller batches");
        }

        // Validation needs no database, so it runs before the write transaction starts.
        long now = clock.millis();
        long started = System.nanoTime();
        List<Object> checked = new ArrayList<>(records.size());
        for (SyncRecord record : records) {
            checked.add(check(kiosk, record));
        }

        long validated = System.nanoTime();
        PushResponse response = database.inTransaction(connection -> {
            Batch batch = new Batch(connection, kiosk, now);
            List<RecordResult> results = batch.store(records, checked);
            batch.flushRollups();
            return new PushResponse(PushResponse.PROTOCOL, results, clock.instant());
        });
        logOutcome(kiosk, response, (validated - started) / 1_000_000,
                (System.nanoTime() - validated) / 1_000_000);
        return response;
    }

    private Object check(Kiosk kiosk, SyncRecord record) {
        if (record == null || record.id() == null) {
            return "record id is missing";
        }
        try {
            return validator.validate(kiosk, record);
        } catch (InvalidRecordException e) {
            return e.getMessage();
        }
    }

    private static void logOutcome(Kiosk kiosk, PushResponse response, long validationMillis,
            long transactionMillis) {
        Map<Status, Integer> counts = new HashMap<>();
        for (RecordResult result : response.results()) {
            counts.merge(result.status(), 1, Integer::sum);
            if (result.status() == Status.REJECTED) {
                log.warn("Rejected record {} of kiosk {}: {}", result.id(), kiosk.id(),
                        result.reason());
            }
        }
        log.debug("Push of kiosk {}: {}, validated in {} ms, stored in {} ms", kiosk.id(),
                counts, validationMillis, transactionMillis);
    }

    /**
     * One push inside its transaction. Statements run as JDBC batches in phases: first every
     * record row, then the projections of the rows that were new, so a push of 500 records
     * costs a handful of round trips instead of a thousand.
     */
    private final class Batch {
        private final Connection connection;
        private final Kiosk kiosk;
        private final long now;
        private final String officeId;
        private final String region;
        // Sorted, so concurrent pushes lock shared sum rows in one order, which keeps them from
        // deadlocking each other on these rows on PostgreSQL.
        private final Map<List<Object>, long[]> scoreSums = new TreeMap<>(KEY_ORDER);
        private final Map<List<Object>, long[]> responseCounts = new TreeMap<>(KEY_ORDER);

        Batch(Connection connection, Kiosk kiosk, long now) {
            this.connection = connection;
            this.kiosk = kiosk;
            this.now = now;
            this.officeId = kiosk.office().toString();
            this.region = kiosk.office().region();
        }

        List<RecordResult> store(List<SyncRecord> records, List<Object> checked)
                throws SQLException {
            RecordResult[] results = new RecordResult[records.size()];
            List<Integer> valid = new ArrayList<>();
            String[] hashes = new String[records.size()];
            for (int i = 0; i < records.size(); i++) {
                if (checked.get(i) instanceof String reason) {
                    results[i] = reject(records.get(i) == null ? null : records.get(i).id(),
                            reason);
                } else {
                    valid.add(i);
                }
            }

            // Phase 1: every record row. An id stored before inserts nothing; its stored hash
            // then distinguishes a retry (same content) from a conflict (other content).
            List<Integer> inserted = new ArrayList<>();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO"
                    + " sync_record (record_id, kiosk_id, kiosk_sequence, record_type,"
                    + " created_at, received_at, body_sha256, payload)"
                    + " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (record_id) DO NOTHING")) {
                for (int i : valid) {
                    SyncRecord record = records.get(i);
                    CanonicalJson.Canonical canonical = CanonicalJson.of(record);
                    hashes[i] = canonical.sha256();
                    Sql.bind(insert, record.id().toString(), kiosk.id().toString(),
                            record.sequence(), record.type(), record.createdAt().toEpochMilli(),
                            now, canonical.sha256(), canonical.payload());
                    insert.addBatch();
                }
                int[] counts = valid.isEmpty() ? new int[0] : insert.executeBatch();
                for (int k = 0; k < valid.size(); k++) {
                    int i = valid.get(k);
                    if (counts[k] > 0) {
                        inserted.add(i);
                    } else if (counts[k] == 0) {
                        results[i] = duplicateOrConflict(records.get(i).id(), hashes[i]);
                    } else {
                        throw new IllegalStateException("JDBC driver gave no update count ("
                                + counts[k] + ") for record " + records.get(i).id());
                    }
                }
            }

            // Phase 2: the projections of the new rows. A response id already stored under
            // another record rejects that record and takes its row back out.
            List<Integer> responses = new ArrayList<>();
            List<Integer> issued = new ArrayList<>();
            List<Integer> redeemed = new ArrayList<>();
            for (int i : inserted) {
                switch (((Valid) checked.get(i)).type()) {
                    case SURVEY_RESPONSE -> responses.add(i);
                    case TICKET_ISSUED -> issued.add(i);
                    case TICKET_REDEEMED -> redeemed.add(i);
                }
            }
            for (int i : projectResponses(records, checked, responses)) {
                Sql.update(connection, "DELETE FROM sync_record WHERE record_id = ?",
                        records.get(i).id().toString());
                SurveyResponse response = (SurveyResponse) ((Valid) checked.get(i)).payload();
                results[i] = reject(records.get(i).id(), "response " + response.responseId()
                        + " was stored before under another record id");
            }
            projectIssued(checked, issued);
            projectRedeemed(checked, redeemed);
            for (int i : inserted) {
                if (results[i] == null) {
                    results[i] = new RecordResult(records.get(i).id(), Status.STORED, null);
                }
            }
            return List.of(results);
        }

        private RecordResult duplicateOrConflict(UUID id, String hash) throws SQLException {
            Optional<String> stored = Sql.queryOne(connection, "SELECT body_sha256 FROM"
                    + " sync_record WHERE record_id = ?", rows -> rows.getString(1),
                    id.toString());
            if (stored.isPresent() && stored.get().equals(hash)) {
                return new RecordResult(id, Status.DUPLICATE, null);
            }
            return reject(id, "record id " + id + " was stored before with other content");
        }

        /** Stores new survey responses; returns the positions whose response id was taken. */
        private List<Integer> projectResponses(List<SyncRecord> records, List<Object> checked,
                List<Integer> positions) throws SQLException {
            List<Integer> taken = new ArrayList<>();
            if (positions.isEmpty()) {
                return taken;
            }
            int[] counts;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO"
                    + " survey_response (response_id, record_id, kiosk_id, office_id, region,"
                    + " survey_id, survey_version, verified, surveyed_hour, perekaman_hour,"
                    + " language) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT (response_id) DO NOTHING")) {
                for (int i : positions) {
                    SurveyResponse response = (SurveyResponse) ((Valid) checked.get(i)).payload();
                    Sql.bind(insert, response.responseId().toString(),
                            records.get(i).id().toString(), kiosk.id().toString(), officeId,
                            region, response.surveyId(), response.surveyVersion(),
                            response.verified(), response.surveyedHour().toEpochMilli(),
                            response.perekamanHour() == null ? null
                                    : response.perekamanHour().toEpochMilli(),
                            response.language());
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }
            try (PreparedStatement complaints = connection.prepareStatement("INSERT INTO"
                    + " complaint (record_id, ordinal, office_id, region, nip, category,"
                    + " complaint_text, surveyed_hour) VALUES (?,?,?,?,?,?,?,?)")) {
                boolean any = false;
                for (int k = 0; k < positions.size(); k++) {
                    int i = positions.get(k);
                    if (counts[k] == 0) {
                        taken.add(i);
                        continue;
                    }
                    Valid valid = (Valid) checked.get(i);
                    SurveyResponse response = (SurveyResponse) valid.payload();
                    addRollups(response, valid.survey());
                    for (int c = 0; c < response.complaints().size(); c++) {
                        Complaint complaint = response.complaints().get(c);
                        Sql.bind(complaints, records.get(i).id().toString(), c, officeId, region,
                                complaint.nip(), complaint.category().name(), complaint.text(),
                                response.surveyedHour().toEpochMilli());
                        complaints.addBatch();
                        any = true;
                    }
                }
                if (any) {
                    complaints.executeBatch();
                }
            }
            return taken;
        }

        private void addRollups(SurveyResponse response, SurveyDefinition survey) {
            int month = months.monthOf(response.surveyedHour());
            long unverified = response.verified() ? 0 : 1;
            addResponse("", month, unverified);
            Set<String> servedBy = new LinkedHashSet<>();
            for (OfficerRating rating : response.officers()) {
                if (!rating.served()) {
                    continue;
                }
                servedBy.add(rating.nip());
                for (var answer : rating.answers().entrySet()) {
                    Question question = survey.question(answer.getKey());
                    int value = answer.getValue();
                    addScore(rating.nip(), month, "E:" + question.skmElement().name(), value);
                    addScore(rating.nip(), month, "P:" + question.asnPrinciple().name(), value);
                    addScore(rating.nip(), month, "V:" + value, 1);
                }
            }
            for (String nip : servedBy) {
                addResponse(nip, month, unverified);
            }
        }

        private void projectIssued(List<Object> checked, List<Integer> positions)
                throws SQLException {
            if (positions.isEmpty()) {
                return;
            }
            // A counter may have redeemed the ticket first; the issue times fill that row in.
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO ticket"
                    + " (ticket_id, kiosk_id, office_id, region, serial, perekaman_at,"
                    + " issued_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (ticket_id) DO UPDATE SET"
                    + " perekaman_at = excluded.perekaman_at, issued_at = excluded.issued_at"
                    + " WHERE ticket.issued_at IS NULL")) {
                for (int i : positions) {
                    TicketIssued ticket = (TicketIssued) ((Valid) checked.get(i)).payload();
                    Sql.bind(upsert, ticket.ticketId(), ticket.kioskId(), officeId, region,
                            ticket.serial(), ticket.perekamanAt().toEpochMilli(),
                            ticket.issuedAt().toEpochMilli());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }

        private void projectRedeemed(List<Object> checked, List<Integer> positions)
                throws SQLException {
            if (positions.isEmpty()) {
                return;
            }
            // The first redemption is kept; a later one from another counter is kept only as
            // its record, for the office to look into.
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO ticket"
                    + " (ticket_id, kiosk_id, office_id, region, serial, redeemed_at,"
                    + " redeemed_by) VALUES (?,?,?,?,?,?,?) ON CONFLICT (ticket_id)"
                    + " DO UPDATE SET redeemed_at = excluded.redeemed_at,"
                    + " redeemed_by = excluded.redeemed_by WHERE ticket.redeemed_at IS NULL")) {
                for (int i : positions) {
                    TicketRedeemed redeemed = (TicketRedeemed) ((Valid) checked.get(i))
                            .payload();
                    String ticketId = redeemed.ticketId();
                    int slash = ticketId.indexOf('/');
                    Sql.bind(upsert, ticketId, ticketId.substring(0, slash), officeId, region,
                            Long.parseLong(ticketId.substring(slash + 1)),
                            redeemed.redeemedAt().toEpochMilli(), redeemed.counterId());
                    upsert.addBatch();
                }
                int[] counts = upsert.executeBatch();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] == 0) {
                        TicketRedeemed redeemed = (TicketRedeemed) ((Valid) checked.get(
                                positions.get(k))).payload();
                        log.warn("Ticket {} was redeemed again by counter {}; the first"
                                + " redemption is kept", redeemed.ticketId(),
                                redeemed.counterId());
                    }
                }
            }
        }

        private void addScore(String nip, int month, String dimension, long value) {
            long[] sums = scoreSums.computeIfAbsent(List.of(nip, month, dimension),
                    key -> new long[2]);
            sums[0] += value;
            sums[1]++;
        }

        private void addResponse(String nip, int month, long unverified) {
            long[] counts = responseCounts.computeIfAbsent(List.of(nip, month),
                    key -> new long[2]);
            counts[0]++;
            counts[1] += unverified;
        }

        void flushRollups() throws SQLException {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO"
                    + " score_month (office_id, region, nip, month, dimension, answer_sum,"
                    + " answer_count) VALUES (?,?,?,?,?,?,?) ON CONFLICT (office_id, nip,"
                    + " month, dimension) DO UPDATE SET"
                    + " answer_sum = score_month.answer_sum + excluded.answer_sum,"
                    + " answer_count = score_month.answer_count + excluded.answer_count")) {
                for (var entry : scoreSums.entrySet()) {
                    List<Object> key = entry.getKey();
                    Sql.bind(upsert, officeId, region, key.get(0), key.get(1), key.get(2),
                            entry.getValue()[0], entry.getValue()[1]);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO"
                    + " response_month (office_id, region, nip, month, responses, unverified)"
                    + " VALUES (?,?,?,?,?,?) ON CONFLICT (office_id, nip, month) DO UPDATE SET"
                    + " responses = response_month.responses + excluded.responses,"
                    + " unverified = response_month.unverified + excluded.unverified")) {
                for (var entry : responseCounts.entrySet()) {
                    List<Object> key = entry.getKey();
                    Sql.bind(upsert, officeId, region, key.get(0), key.get(1),
                            entry.getValue()[0], entry.getValue()[1]);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        }

        private RecordResult reject(UUID id, String reason) throws SQLException {
            if (id != null) {
                Sql.update(connection, "INSERT INTO rejected_record (record_id, kiosk_id,"
                        + " reason, received_at) VALUES (?,?,?,?) ON CONFLICT (record_id,"
                        + " kiosk_id) DO NOTHING", id.toString(), kiosk.id().toString(),
                        reason, now);
            }
            return new RecordResult(id, Status.REJECTED, reason);
        }
    }
}
