package id.kypso.kiosk.session;

import id.kypso.core.slip.ServiceStage;

/**
 * An officer to rate, as the citizen sees them.
 *
 * @param name the roster name, or null when the roster does not list this NIP
 * @param photo the roster photo (JPEG or PNG bytes), or null when there is none
 */
public record OfficerCard(String nip, String name, ServiceStage stage, byte[] photo) {

    @Override
    public String toString() {
        return "OfficerCard[" + stage + " " + nip + "]";
    }
}
