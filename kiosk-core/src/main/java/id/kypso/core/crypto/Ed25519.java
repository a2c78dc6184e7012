package id.kypso.core.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 (RFC 8032) through the JDK's own provider, with keys in their raw 32-byte form: that
 * is what payloads, config files and the sync API carry.
 */
public final class Ed25519 {
    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    // DER headers that turn a raw key into the X.509 and PKCS#8 encodings the JDK expects.
    private static final byte[] PUBLIC_PREFIX = hex("302a300506032b6570032100");
    private static final byte[] PRIVATE_PREFIX = hex("302e020100300506032b657004220420");

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 support", e);
        }
    }

    public static byte[] rawPublic(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
    }

    public static byte[] rawPrivate(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
    }

    public static PublicKey publicKey(byte[] raw) {
        requireLength(raw, "public key");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(concat(PUBLIC_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    public static PrivateKey privateKey(byte[] raw) {
        requireLength(raw, "private key");
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(concat(PRIVATE_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }

    public static PublicKey publicKey(String base64) {
        return publicKey(decodeBase64(base64, "public key"));
    }

    public static PrivateKey privateKey(String base64) {
        return privateKey(decodeBase64(base64, "private key"));
    }

    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(rawPublic(key));
    }

    public static String toBase64(PrivateKey key) {
        return Base64.getEncoder().encodeToString(rawPrivate(key));
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Returns whether {@code signature} is valid; a malformed signature is simply invalid. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] decodeBase64(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64", e);
        }
    }

    private static void requireLength(byte[] raw, String what) {
        if (raw == null || raw.length != KEY_LENGTH) {
            throw new IllegalArgumentException("Ed25519 " + what + " must be 32 bytes, got "
                    + (raw == null ? 0 : raw.length));
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    private static byte[] hex(String text) {
        return java.util.HexFormat.of().parseHex(text);
    }
}
