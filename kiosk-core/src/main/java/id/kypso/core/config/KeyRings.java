package id.kypso.core.config;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.sync.ConfigBundle;
import java.util.List;

/** Builds the key rings a kiosk or counter verifies with from an installed bundle. */
public final class KeyRings {

    private KeyRings() {
    }

    /** Returns the office keys, for verifying slips. */
    public static MapKeyRing offices(ConfigBundle bundle) {
        return ring(bundle.officeKeys());
    }

    /** Returns the kiosk keys of the office, for verifying tickets at the counter. */
    public static MapKeyRing kiosks(ConfigBundle bundle) {
        return ring(bundle.kioskKeys());
    }

    /** Returns a ring of {@code keys}, revoked ones marked so. */
    public static MapKeyRing ring(List<ConfigBundle.SignerKey> keys) {
        MapKeyRing ring = new MapKeyRing();
        for (ConfigBundle.SignerKey key : keys) {
            ring.put(key.signer(), key.keyVersion(), Ed25519.publicKey(key.publicKey()));
            if (key.revoked()) {
                ring.revoke(key.signer(), key.keyVersion());
            }
        }
        return ring;
    }
}
