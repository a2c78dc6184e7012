package id.kypso.core.sync;

import id.kypso.core.survey.SurveyDefinition;
import java.util.List;

/**
 * What a kiosk pulls from {@code GET /api/v1/config} (with an ETag): everything it needs to
 * verify slips and tickets and to ask the survey.
 *
 * @param officeKeys the public keys of offices whose slips this kiosk accepts
 * @param kioskKeys the public keys of the kiosks of this office, for counter mode
 * @param revokedTickets ticket ids ({@code 3273-01-K01/42}) that counters must refuse
 */
public record ConfigBundle(
        String format,
        String officeId,
        String officeName,
        List<SignerKey> officeKeys,
        List<SignerKey> kioskKeys,
        List<RosterOfficer> roster,
        SurveyDefinition survey,
        List<String> revokedTickets) {

    public static final String FORMAT = "kypso-config/1";

    public ConfigBundle {
        officeKeys = officeKeys == null ? List.of() : List.copyOf(officeKeys);
        kioskKeys = kioskKeys == null ? List.of() : List.copyOf(kioskKeys);
        roster = roster == null ? List.of() : List.copyOf(roster);
        revokedTickets = revokedTickets == null ? List.of() : List.copyOf(revokedTickets);
    }

    /**
     * A public key of an office or kiosk.
     *
     * @param publicKey base64 of the raw 32-byte Ed25519 key
     */
    public record SignerKey(String signer, int keyVersion, String publicKey, boolean revoked) {
    }

    /**
     * An officer the kiosk can show by name.
     *
     * @param photo base64 JPEG or PNG, or null when the roster has none
     */
    public record RosterOfficer(String nip, String name, String stage, String photo) {
    }
}
