package id.kypso.core.sync;

import java.nio.charset.StandardCharsets;

/**
 * The body of {@code POST /api/v1/kiosk/key}: a kiosk replaces its key with a new one of a
 * higher version. The request is signed with the current key, which proves the caller is the
 * kiosk; {@code proof} is signed with the new key, which proves the kiosk has its private key.
 *
 * @param publicKey base64 of the new raw 32-byte Ed25519 key
 * @param proof base64 Ed25519 signature by the new key over {@link #proofText}
 */
public record KeyRotation(int keyVersion, String publicKey, String proof) {

    /**
     * Returns the text the new key signs:
     * {@code KYPSO-KEY-ROTATION/1|kioskId|keyVersion|publicKey}.
     */
    public static byte[] proofText(String kioskId, int keyVersion, String publicKey) {
        return ("KYPSO-KEY-ROTATION/1|" + kioskId + "|" + keyVersion + "|" + publicKey)
                .getBytes(StandardCharsets.US_ASCII);
    }
}
