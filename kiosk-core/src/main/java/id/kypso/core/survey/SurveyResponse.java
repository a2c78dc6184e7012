package id.kypso.core.survey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The payload of a {@code survey-response} record. It carries no NIK, no registration number
 * and only hour-precision times, so the aggregator cannot tie a rating to the person served.
 *
 * @param verified false when the slip could not be checked (keyed in without a synced
 *     registration)
 */
public record SurveyResponse(
        UUID responseId,
        String kioskId,
        String officeId,
        String surveyId,
        int surveyVersion,
        boolean verified,
        Instant surveyedHour,
        Instant perekamanHour,
        String language,
        List<OfficerRating> officers,
        List<Complaint> complaints) {

    public SurveyResponse {
        officers = officers == null ? List.of() : List.copyOf(officers);
        complaints = complaints == null ? List.of() : List.copyOf(complaints);
    }
}
