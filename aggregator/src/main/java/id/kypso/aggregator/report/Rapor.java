package id.kypso.aggregator.report;

import id.kypso.core.score.SkmBand;
import id.kypso.core.survey.AsnPrinciple;
import id.kypso.core.survey.SkmElement;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The figures of a rapor-el, as JSON and as the data behind the HTML pages. */
public final class Rapor {

    private Rapor() {
    }

    /**
     * One SKM element: its answers, the mean on the 1-4 scale (4 decimals) and the mean x 25.
     * Mean and index are null when the scope has too few responses.
     */
    public record ElementFigure(String code, SkmElement element, long answers, BigDecimal mean,
            BigDecimal index) {
    }

    /** One ASN principle: the mean of the answers to questions tagged with it, x 25. */
    public record PrincipleFigure(AsnPrinciple principle, long answers, BigDecimal index,
            SkmBand band) {
    }

    /** One month of a trend line; the index is null when the month has too few responses. */
    public record TrendPoint(String month, long responses, BigDecimal index, SkmBand band) {
    }

    /** A line of a list of officers or offices, with its own figure and count. */
    public record Summary(String id, String name, long responses, BigDecimal index, SkmBand band,
            boolean enoughResponses) {
    }

    /**
     * Service times of the tickets issued in a period, against the rule that a KTP-el is
     * issued within 24 hours after the requirements are complete (perekaman).
     *
     * @param pickupBuckets counts of redeemed tickets by hours from perekaman to pickup:
     *     {@code <=1h}, {@code 1-24h}, {@code 24-72h}, {@code >72h}
     */
    public record ServiceTimes(long ticketsIssued, long surveyedWithin24h, long redeemed,
            long pickupWithin24h, long pickupOver24h, long waitingOver24h,
            BigDecimal averageHoursToPickup, Map<String, Long> pickupBuckets) {
    }

    public record OfficerRapor(String nip, String name, String officeId, String period,
            long responses, long unverifiedResponses, BigDecimal index, SkmBand band,
            boolean enoughResponses, int minimumResponses, List<ElementFigure> elements,
            List<PrincipleFigure> principles, Map<Integer, Long> answerDistribution,
            List<TrendPoint> trend) {
    }

    public record OfficeRapor(String officeId, String name, String region, String period,
            long responses, long unverifiedResponses, BigDecimal index, SkmBand band,
            boolean enoughResponses, int minimumResponses, List<ElementFigure> elements,
            List<PrincipleFigure> principles, Map<Integer, Long> answerDistribution,
            List<TrendPoint> trend, List<Summary> officers, ServiceTimes serviceTimes,
            Map<String, Long> complaintsByCategory) {
    }

    public record RegionRapor(String region, String period, long responses,
            long unverifiedResponses, BigDecimal index, SkmBand band, boolean enoughResponses,
            int minimumResponses, List<ElementFigure> elements, List<PrincipleFigure> principles,
            Map<Integer, Long> answerDistribution, List<TrendPoint> trend,
            List<Summary> offices, ServiceTimes serviceTimes,
            Map<String, Long> complaintsByCategory) {
    }
}
