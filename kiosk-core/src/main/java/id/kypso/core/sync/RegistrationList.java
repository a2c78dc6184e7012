package id.kypso.core.sync;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/registrations}: signed slips of its office's
 * recent registrations, so a slip number keyed in by hand can be checked. Without
 * {@code since} the list is complete. With it, the list contains the slips the aggregator
 * received from a minute before {@code since} on, which the kiosk adds to the ones it has.
 *
 * @param days how many days back from its perekaman the aggregator keeps a slip
 * @param complete whether {@code slips} is every slip of the window, to replace the kiosk's set
 * @param asOf the aggregator's time when it read the list, the next request's {@code since}
 * @param slips QR texts ({@code KS1:...}) exactly as the perekaman desk signed them, oldest
 *     perekaman first
 */
public record RegistrationList(String format, String officeId, int days, boolean complete,
        Instant asOf, List<String> slips) {

    public static final String FORMAT = "kypso-registrations/1";

    public RegistrationList {
        slips = slips == null ? List.of() : List.copyOf(slips);
    }
}
