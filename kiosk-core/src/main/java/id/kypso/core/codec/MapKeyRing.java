package id.kypso.core.codec;

import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link KeyRing} held in memory, filled from config or from the aggregator. */
public final class MapKeyRing implements KeyRing {
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();

    public MapKeyRing put(String signer, int keyVersion, PublicKey key) {
        keys.put(signer + "#" + keyVersion, key);
        return this;
    }

    public MapKeyRing revoke(String signer, int keyVersion) {
        revoked.add(signer + "#" + keyVersion);
        return this;
    }

    @Override
    public Optional<PublicKey> find(String signer, int keyVersion) {
        return Optional.ofNullable(keys.get(signer + "#" + keyVersion));
    }

    @Override
    public boolean isRevoked(String signer, int keyVersion) {
        return revoked.contains(signer + "#" + keyVersion);
    }
}
