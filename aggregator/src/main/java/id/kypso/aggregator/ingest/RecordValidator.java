package id.kypso.aggregator.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kypso.aggregator.config.SurveyCatalog;
import id.kypso.aggregator.enroll.Kiosk;
import id.kypso.core.identity.KioskId;
import id.kypso.core.identity.Nip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.survey.Complaint;
import id.kypso.core.survey.OfficerRating;
import id.kypso.core.survey.SurveyDefinition;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.sync.RecordType;
import id.kypso.core.sync.SyncRecord;
import id.kypso.core.ticket.TicketIssued;
import id.kypso.core.ticket.TicketRedeemed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Checks one pushed record strictly and decodes its payload. A problem becomes the REJECTED
 * reason the kiosk keeps, so each reason names the field and the value.
 */
final class RecordValidator {
    static final int MAX_COMMENT = 500;
    static final int MAX_COMPLAINT = 1000;

    private final ObjectMapper mapper;
    private final SurveyCatalog surveys;

    RecordValidator(ObjectMapper mapper, SurveyCatalog surveys) {
        this.mapper = mapper;
        this.surveys = surveys;
    }

    /** A record that passed: its type and decoded payload. */
    record Valid(RecordType type, Object payload, SurveyDefinition survey) {
    }

    /** Returns the decoded record, or throws with the reason it is rejected. */
    Valid validate(Kiosk kiosk, SyncRecord record) throws InvalidRecordException {
        if (record.createdAt() == null) {
            throw new InvalidRecordException("createdAt is missing");
        }
        if (record.sequence() < 1) {
            throw new InvalidRecordException("sequence must be 1 or more: " + record.sequence());
        }
        if (record.payload() == null || !record.payload().isObject()) {
            throw new InvalidRecordException("payload must be a JSON object");
        }
        Optional<RecordType> type = RecordType.fromWireName(record.type());
        if (type.isEmpty()) {
            throw new InvalidRecordException("unknown record type " + record.type());
        }
        return switch (type.get()) {
            case SURVEY_RESPONSE -> surveyResponse(kiosk, record);
            case TICKET_ISSUED -> ticketIssued(kiosk, record);
            case TICKET_REDEEMED -> ticketRedeemed(kiosk, record);
        };
    }

    private Valid surveyResponse(Kiosk kiosk, SyncRecord record) throws InvalidRecordException {
        SurveyResponse response = decode(record, SurveyResponse.class);
        require(response.responseId() != null, "responseId is missing");
        require(kiosk.id().toString().equals(response.kioskId()), "kioskId "
                + response.kioskId() + " is not the pushing kiosk " + kiosk.id());
        require(kiosk.office().toString().equals(response.officeId()), "officeId "
                + response.officeId() + " is not the kiosk's office " + kiosk.office());
        requireHour(response.surveyedHour(), "surveyedHour");
        if (response.perekamanHour() != null) {
            requireHour(response.perekamanHour(), "perekamanHour");
        }
        require(response.language() != null && response.language().matches("[a-z]{2}"),
                "language must be a two-letter code: " + response.language());
        Optional<SurveyDefinition> survey = surveys.find(String.valueOf(response.surveyId()),
                response.surveyVersion());
        require(survey.isPresent(), "survey " + response.surveyId() + " version "
                + response.surveyVersion() + " is not known to the aggregator");
        require(!response.officers().isEmpty(), "officers must not be empty");
        for (int i = 0; i < response.officers().size(); i++) {
            checkRating(response.officers().get(i), "officers[" + i + "]", survey.get());
        }
        for (int i = 0; i < response.complaints().size(); i++) {
            Complaint complaint = response.complaints().get(i);
            String where = "complaints[" + i + "]";
            require(complaint != null, where + " is null");
            require(complaint.category() != null, where + ".category is missing");
            if (complaint.nip() != null) {
                checkNip(complaint.nip(), where + ".nip");
            }
            require(complaint.text() == null || complaint.text().length() <= MAX_COMPLAINT,
                    where + ".text is longer than " + MAX_COMPLAINT + " characters");
        }
        return new Valid(RecordType.SURVEY_RESPONSE, response, survey.get());
    }

    private static void checkRating(OfficerRating rating, String where, SurveyDefinition survey)
            throws InvalidRecordException {
        require(rating != null, where + " is null");
        checkNip(rating.nip(), where + ".nip");
        try {
            ServiceStage.valueOf(String.valueOf(rating.stage()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(where + ".stage is not a service stage: "
                    + rating.stage());
        }
        if (!rating.served()) {
            require(rating.answers().isEmpty(), where + " was not served but has answers");
        }
        for (var answer : rating.answers().entrySet()) {
            boolean known = survey.questions().stream()
                    .anyMatch(question -> question.id().equals(answer.getKey()));
            require(known, where + ".answers has question " + answer.getKey() + ", not in survey "
                    + survey.id() + " version " + survey.version());
            Integer value = answer.getValue();
            require(value != null && value >= SurveyDefinition.SCALE_MIN
                    && value <= SurveyDefinition.SCALE_MAX, where + ".answers." + answer.getKey()
                    + " must be 1-4: " + value);
        }
        require(rating.comment() == null || rating.comment().length() <= MAX_COMMENT,
                where + ".comment is longer than " + MAX_COMMENT + " characters");
    }

    private Valid ticketIssued(Kiosk kiosk, SyncRecord record) throws InvalidRecordException {
        TicketIssued issued = decode(record, TicketIssued.class);
        require(kiosk.id().toString().equals(issued.kioskId()), "kioskId " + issued.kioskId()
                + " is not the pushing kiosk " + kiosk.id());
        require(issued.serial() >= 1, "serial must be 1 or more: " + issued.serial());
        require((issued.kioskId() + "/" + issued.serial()).equals(issued.ticketId()),
                "ticketId " + issued.ticketId() + " does not match kiosk and serial");
        require(issued.issuedAt() != null, "issuedAt is missing");
        require(issued.perekamanAt() != null, "perekamanAt is missing");
        require(issued.issuedAt().equals(issued.issuedAt().truncatedTo(ChronoUnit.MINUTES)),
                "issuedAt must be truncated to the minute: " + issued.issuedAt());
        require(issued.perekamanAt().equals(issued.perekamanAt()
                .truncatedTo(ChronoUnit.MINUTES)), "perekamanAt must be truncated to the"
                + " minute: " + issued.perekamanAt());
        return new Valid(RecordType.TICKET_ISSUED, issued, null);
    }

    private Valid ticketRedeemed(Kiosk kiosk, SyncRecord record) throws InvalidRecordException {
        TicketRedeemed redeemed = decode(record, TicketRedeemed.class);
        require(kiosk.id().toString().equals(redeemed.counterId()), "counterId "
                + redeemed.counterId() + " is not the pushing counter " + kiosk.id());
        require(redeemed.redeemedAt() != null, "redeemedAt is missing");
        KioskId issuer = ticketKiosk(redeemed.ticketId());
        require(issuer.office().equals(kiosk.office()), "ticket " + redeemed.ticketId()
                + " belongs to office " + issuer.office() + ", not the counter's office "
                + kiosk.office());
        return new Valid(RecordType.TICKET_REDEEMED, redeemed, null);
    }

    /** Returns the kiosk of a ticket id such as {@code 3273-01-K01/42}. */
    static KioskId ticketKiosk(String ticketId) throws InvalidRecordException {
        if (ticketId == null || !ticketId.matches("\\d{4}-\\d{2}-K\\d{2,3}/\\d{1,10}")) {
            throw new InvalidRecordException("ticketId must look like 3273-01-K01/42: "
                    + ticketId);
        }
        return KioskId.parse(ticketId.substring(0, ticketId.indexOf('/')));
    }

    private <T> T decode(SyncRecord record, Class<T> type) throws InvalidRecordException {
        try {
            return mapper.treeToValue(record.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : e.getMessage();
            throw new InvalidRecordException("payload is not a valid " + record.type() + ": "
                    + message);
        }
    }

    private static void checkNip(String nip, String where) throws InvalidRecordException {
        try {
            Nip.parse(nip);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(where + ": " + e.getMessage());
        }
    }

    private static void requireHour(Instant time, String name) throws InvalidRecordException {
        require(time != null, name + " is missing");
        // Hour precision is what keeps a rating from being matched to the person served.
        require(time.equals(time.truncatedTo(ChronoUnit.HOURS)), name
                + " must be truncated to the hour: " + time);
    }

    private static void require(boolean condition, String reason)
            throws InvalidRecordException {
        if (!condition) {
            throw new InvalidRecordException(reason);
        }
    }

    /** A record that fails validation; the message is the REJECTED reason. */
    static final class InvalidRecordException extends Exception {
        InvalidRecordException(String reason) {
            super(reason);
        }
    }
}
