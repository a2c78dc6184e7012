package id.kypso.core.sync;

import java.util.List;

/**
 * The body of {@code POST /api/v1/offices/{officeId}/registrations}: slips the perekaman desk
 * just signed. The slips are their own credential: the aggregator keeps only those that verify
 * under a current key of the office.
 */
public record RegistrationUpload(List<String> slips) {

    /** The maximum number of slips in one upload. */
    public static final int MAX_SLIPS = 1000;

    public RegistrationUpload {
        slips = slips == null ? List.of() : List.copyOf(slips);
    }

    /** The outcome for one slip. */
    public enum Status {
        /** Kept for the office's kiosks. */
        STORED,
        /** The aggregator already had this exact slip. */
        DUPLICATE,
        /** Not kept, for the given reason. */
        REJECTED
    }

    /**
     * @param registrationNumber the slip's number, or null when the slip could not be read
     */
    public record Result(String registrationNumber, Status status, String reason) {
    }

    /** The response body: one result per slip sent, in order. */
    public record Response(List<Result> results) {

        public Response {
            results = results == null ? List.of() : List.copyOf(results);
        }
    }
}
