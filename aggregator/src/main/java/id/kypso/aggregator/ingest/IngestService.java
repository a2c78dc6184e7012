package id.kypso.aggregator.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private final Database database;
    private final Clock clock;
    private final Months months;
    private final int maxRecords;
    private final ObjectMapper mapper;
    private final RecordValidator validator;

    public IngestService(Database database, SurveyCatalog surveys, Clock clock, Months months,
            int maxRecords, ObjectMapper mapper) {
        this.database = database;
        this.clock = clock;
        this.months = months;
        this.maxRecords = maxRecords;
        this.mapper = mapper;
        this.validator = new RecordValidator(mapper, surveys);
    }

    public PushResponse push(Kiosk kiosk, PushRequest request) {
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
        List<Object> checked = new ArrayList<>(records.size());
        for (SyncRecord record : records) {
            checked.add(check(kiosk, record));
        }

        PushResponse response = database.inTransaction(connection -> {
            Batch batch = new Batch(connection, kiosk, now);
            try {
                List<RecordResult> results = new ArrayList<>(records.size());
                for (int i = 0; i < records.size(); i++) {
                    results.add(batch.store(records.get(i), checked.get(i)));
                }
                batch.flushRollups();
                return new PushResponse(PushResponse.PROTOCOL, results, clock.instant());
            } finally {
                batch.close();
            }
        });
        logOutcome(kiosk, response);
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

    private static void logOutcome(Kiosk kiosk, PushResponse response) {
        Map<Status, Integer> counts = new HashMap<>();
        for (RecordResult result : response.results()) {
            counts.merge(result.status(), 1, Integer::sum);
            if (result.status() == Status.REJECTED) {
                log.warn("Rejected record {} of kiosk {}: {}", result.id(), kiosk.id(),
                        result.reason());
            }
        }
        log.debug("Push of kiosk {}: {}", kiosk.id(), counts);
    }

    /** The statements of one push, prepared once and reused for every record. */
    private final class Batch implements AutoCloseable {
        private final Connection connection;
        private final Kiosk kiosk;
        private final long now;
        private final String officeId;
        private final String region;
        private final PreparedStatement insertRecord;
        private final PreparedStatement insertResponse;
        private final PreparedStatement insertComplaint;
        private final Map<List<Object>, long[]> scoreSums = new HashMap<>();
        private final Map<List<Object>, long[]> responseCounts = new HashMap<>();

        Batch(Connection connection, Kiosk kiosk, long now) throws SQLException {
            this.connection = connection;
            this.kiosk = kiosk;
            this.now = now;
            this.officeId = kiosk.office().toString();
            this.region = kiosk.office().region();
            this.insertRecord = connection.prepareStatement("INSERT INTO sync_record"
                    + " (record_id, kiosk_id, kiosk_sequence, record_type, created_at,"
                    + " received_at, body_sha256, payload) VALUES (?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT (record_id) DO NOTHING");
            this.insertResponse = connection.prepareStatement("INSERT INTO survey_response"
                    + " (response_id, record_id, kiosk_id, office_id, region, survey_id,"
                    + " survey_version, verified, surveyed_hour, perekaman_hour, language)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (response_id) DO NOTHING");
            this.insertComplaint = connection.prepareStatement("INSERT INTO complaint"
                    + " (record_id, ordinal, office_id, region, nip, category, complaint_text,"
                    + " surveyed_hour) VALUES (?,?,?,?,?,?,?,?)");
        }

        RecordResult store(SyncRecord record, Object checked) throws SQLException {
            UUID id = record == null ? null : record.id();
            if (checked instanceof String reason) {
                return reject(id, reason);
            }
            Valid valid = (Valid) checked;
            String hash = CanonicalJson.sha256(record);

            Sql.bind(insertRecord, id.toString(), kiosk.id().toString(), record.sequence(),
                    record.type(), record.createdAt().toEpochMilli(), now, hash,
                    writePayload(record));
            if (insertRecord.executeUpdate() == 0) {
                // Stored before: the same content is a retry, other content is a conflict.
                Optional<String> stored = Sql.queryOne(connection, "SELECT body_sha256 FROM"
                        + " sync_record WHERE record_id = ?", rows -> rows.getString(1),
                        id.toString());
                if (stored.isPresent() && stored.get().equals(hash)) {
                    return new RecordResult(id, Status.DUPLICATE, null);
                }
                return reject(id, "record id " + id + " was stored before with other content");
            }

            Optional<String> projectionProblem = project(id, valid);
            if (projectionProblem.isPresent()) {
                Sql.update(connection, "DELETE FROM sync_record WHERE record_id = ?",
                        id.toString());
                return reject(id, projectionProblem.get());
            }
            return new RecordResult(id, Status.STORED, null);
        }

        private Optional<String> project(UUID recordId, Valid valid) throws SQLException {
            return switch (valid.type()) {
                case SURVEY_RESPONSE -> projectResponse(recordId, (SurveyResponse) valid.payload(),
                        valid.survey());
                case TICKET_ISSUED -> projectIssued((TicketIssued) valid.payload());
                case TICKET_REDEEMED -> projectRedeemed((TicketRedeemed) valid.payload());
            };
        }

        private Optional<String> projectResponse(UUID recordId, SurveyResponse response,
                SurveyDefinition survey) throws SQLException {
            long surveyedHour = response.surveyedHour().toEpochMilli();
            Sql.bind(insertResponse, response.responseId().toString(), recordId.toString(),
                    kiosk.id().toString(), officeId, region, response.surveyId(),
                    response.surveyVersion(), response.verified(), surveyedHour,
                    response.perekamanHour() == null ? null
                            : response.perekamanHour().toEpochMilli(),
                    response.language());
            if (insertResponse.executeUpdate() == 0) {
                return Optional.of("response " + response.responseId()
                        + " was stored before under another record id");
            }

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

            for (int i = 0; i < response.complaints().size(); i++) {
                Complaint complaint = response.complaints().get(i);
                Sql.bind(insertComplaint, recordId.toString(), i, officeId, region,
                        complaint.nip(), complaint.category().name(), complaint.text(),
                        surveyedHour);
                insertComplaint.executeUpdate();
            }
            return Optional.empty();
        }

        private Optional<String> projectIssued(TicketIssued issued) throws SQLException {
            // A counter may have redeemed the ticket first; the issue times fill that row in.
            Sql.update(connection, "INSERT INTO ticket (ticket_id, kiosk_id, office_id, region,"
                    + " serial, perekaman_at, issued_at) VALUES (?,?,?,?,?,?,?)"
                    + " ON CONFLICT (ticket_id) DO UPDATE SET"
                    + " perekaman_at = excluded.perekaman_at, issued_at = excluded.issued_at"
                    + " WHERE ticket.issued_at IS NULL", issued.ticketId(), issued.kioskId(),
                    officeId, region, issued.serial(), issued.perekamanAt().toEpochMilli(),
                    issued.issuedAt().toEpochMilli());
            return Optional.empty();
        }

        private Optional<String> projectRedeemed(TicketRedeemed redeemed) throws SQLException {
            String ticketId = redeemed.ticketId();
            String issuer = ticketId.substring(0, ticketId.indexOf('/'));
            long serial = Long.parseLong(ticketId.substring(ticketId.indexOf('/') + 1));
            // The first redemption stands; a later one from another counter is kept only as
            // its record, for the office to look into.
            int changed = Sql.update(connection, "INSERT INTO ticket (ticket_id, kiosk_id,"
                    + " office_id, region, serial, redeemed_at, redeemed_by)"
                    + " VALUES (?,?,?,?,?,?,?) ON CONFLICT (ticket_id) DO UPDATE SET"
                    + " redeemed_at = excluded.redeemed_at, redeemed_by = excluded.redeemed_by"
                    + " WHERE ticket.redeemed_at IS NULL", ticketId, issuer, officeId, region,
                    serial, redeemed.redeemedAt().toEpochMilli(), redeemed.counterId());
            if (changed == 0) {
                log.warn("Ticket {} was redeemed again by counter {}; the first redemption"
                        + " stands", ticketId, redeemed.counterId());
            }
            return Optional.empty();
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
                    upsert.executeUpdate();
                }
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
                    upsert.executeUpdate();
                }
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

        private String writePayload(SyncRecord record) {
            try {
                return mapper.writeValueAsString(record.payload());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("payload of record " + record.id()
                        + " cannot be written", e);
            }
        }

        @Override
        public void close() throws SQLException {
            insertRecord.close();
            insertResponse.close();
            insertComplaint.close();
        }
    }
}
