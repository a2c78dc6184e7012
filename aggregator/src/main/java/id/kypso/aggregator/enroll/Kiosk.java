package id.kypso.aggregator.enroll;

import id.kypso.core.identity.KioskId;
import id.kypso.core.identity.OfficeId;
import java.security.PublicKey;

/**
 * An enrolled kiosk or pickup counter.
 *
 * @param publicKey base64 of the raw Ed25519 key the kiosk signs requests with
 * @param revokedAt epoch milliseconds of revocation, or null while the kiosk is trusted
 */
public record Kiosk(KioskId id, int keyVersion, String publicKey, long enrolledAt,
        Long revokedAt, PublicKey key) {

    public OfficeId office() {
        return id.office();
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
