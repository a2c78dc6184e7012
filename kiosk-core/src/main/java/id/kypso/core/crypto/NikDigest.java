package id.kypso.core.crypto;

import id.kypso.core.identity.Nik;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The office-keyed digest that binds a slip and its ticket to one citizen without revealing the
 * NIK: HMAC-SHA256 under the office's binding secret, truncated to {@value #LENGTH} bytes.
 *
 * <p>Only the perekaman desk holds the secret, so a photographed slip cannot be checked against
 * guessed NIKs. 96 bits keep collisions between citizens of one office out of reach.
 */
public final class NikDigest {
    public static final int LENGTH = 12;

    private final SecretKeySpec key;

    public NikDigest(byte[] officeSecret) {
        if (officeSecret.length < 32) {
            throw new IllegalArgumentException("office binding secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(officeSecret.clone(), "HmacSHA256");
    }

    public byte[] digest(Nik nik) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] full = mac.doFinal(nik.digits().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Arrays.copyOf(full, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
