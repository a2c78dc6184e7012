package id.kypso.core.codec;

import java.security.PublicKey;
import java.util.Optional;

/**
 * The public keys a device trusts, looked up by the signer named in a payload. Offices sign
 * slips and kiosks sign tickets; each key has a one-byte version so keys can be rotated.
 */
public interface KeyRing {

    /** Returns the key of {@code signer} (an office or kiosk id) at {@code keyVersion}. */
    Optional<PublicKey> find(String signer, int keyVersion);

    /** Returns whether the key was revoked; payloads it signed are then rejected. */
    default boolean isRevoked(String signer, int keyVersion) {
        return false;
    }
}
