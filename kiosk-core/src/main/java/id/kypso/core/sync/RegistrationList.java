package id.kypso.core.sync;

import java.util.List;

/**
 * What a kiosk pulls from {@code GET /api/v1/registrations} (with an ETag): the signed slips
 * of its office's recent registrations, so a slip number keyed in by hand can be checked.
 *
 * @param slips QR texts ({@code KS1:...}) exactly as the perekaman desk signed them, oldest
 *     perekaman first
 * @param days how many days back the list reaches
 */
public record RegistrationList(String format, String officeId, int days, List<String> slips) {

    public static final String FORMAT = "kypso-registrations/1";

    public RegistrationList {
        slips = slips == null ? List.of() : List.copyOf(slips);
    }
}
