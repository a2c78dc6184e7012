package id.kypso.core.sync;

import java.util.List;

/**
 * The body of {@code POST /api/v1/offices/{officeId}/registrations}: slips the perekaman desk
 * just signed. The slips are their own credential: the aggregator keeps only those that verify
 * under a current key of the office.
 */
public record RegistrationUpload(List<String> slips) {

    /** The most slips one upload may carry. */
    public static final int MAX_SLIPS = 1000;

    public RegistrationUpload {
        slips = slips == null ? List.of() : List.copyOf(slips);
    }

    /** What became of each slip, in the order sent. */
    public enum Status {
        /** Kept for the office's kiosks. */
        STORED,
        /** The aggregator already had this exact slip. */
        DUPLICATE,
        /** Not kept; the reason says why. */
        REJECTED
    }

    /**
     * @param registrationNumber the slip's number, or null when the slip could not be read
     */
    public record Result(String registrationNumber, Status status, String reason) {
    }

    /** The answer: one result per slip sent, in order. */
    public record Response(List<Result> results) {

        public Response {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }
}
