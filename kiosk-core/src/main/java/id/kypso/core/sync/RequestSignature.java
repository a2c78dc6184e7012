package id.kypso.core.sync;

import id.kypso.core.crypto.Ed25519;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs sync requests with the kiosk key. What is signed is four lines joined by {@code \n}:
 * the method, the path with its query, the timestamp in milliseconds, and the lowercase hex
 * SHA-256 of the body (of nothing for a GET).
 */
public final class RequestSignature {

    private RequestSignature() {
    }

    public static String canonical(String method, String pathAndQuery, long timestampMillis,
            byte[] body) {
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + pathAndQuery + "\n"
                + timestampMillis + "\n" + sha256Hex(body == null ? new byte[0] : body);
    }

    public static String sign(PrivateKey kioskKey, String method, String pathAndQuery,
            long timestampMillis, byte[] body) {
        byte[] message = canonical(method, pathAndQuery, timestampMillis, body)
                .getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(Ed25519.sign(kioskKey, message));
    }

    public static boolean verify(PublicKey kioskKey, String signatureBase64, String method,
            String pathAndQuery, long timestampMillis, byte[] body) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] message = canonical(method, pathAndQuery, timestampMillis, body)
                .getBytes(StandardCharsets.UTF_8);
        return Ed25519.verify(kioskKey, message, signature);
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
