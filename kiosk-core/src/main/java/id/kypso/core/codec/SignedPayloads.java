package id.kypso.core.codec;

import id.kypso.core.codec.PayloadException.Reason;
import id.kypso.core.crypto.Ed25519;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;

/**
 * The envelope shared by slip and ticket QR codes: a text prefix naming kind and version (such
 * as {@code KS1:}), then Base45 of the binary body followed by its 64-byte Ed25519 signature.
 */
public final class SignedPayloads {
    private static final int PREFIX_LENGTH = 4;

    private SignedPayloads() {
    }

    /** Signs {@code body} and returns the QR text. */
    public static String seal(char kind, int version, byte[] body, PrivateKey key) {
        byte[] signature = Ed25519.sign(key, signedBytes(kind, version, body));
        byte[] all = Arrays.copyOf(body, body.length + signature.length);
        System.arraycopy(signature, 0, all, body.length, signature.length);
        return "K" + kind + version + ":" + Base45.encode(all);
    }

    /**
     * Checks the prefix and Base45 and returns the body with the signature split off; the
     * signature is checked later by {@link #verify}, once the body names its signer.
     */
    public static Opened open(String text, char expectedKind, int supportedVersion)
            throws PayloadException {
        if (text == null) {
            throw new PayloadException(Reason.MALFORMED, "no payload text");
        }
        String trimmed = text.strip();
        if (trimmed.length() < PREFIX_LENGTH || trimmed.charAt(0) != 'K'
                || trimmed.charAt(3) != ':' || !Character.isDigit(trimmed.charAt(2))) {
            throw new PayloadException(Reason.MALFORMED, "payload does not start with a KYPSO"
                    + " prefix such as KS1:");
        }
        char kind = trimmed.charAt(1);
        if (kind != 'S' && kind != 'T') {
            throw new PayloadException(Reason.MALFORMED, "unknown payload kind '" + kind + "'");
        }
        if (kind != expectedKind) {
            throw new PayloadException(Reason.WRONG_KIND, "expected payload kind "
                    + expectedKind + ", got " + kind);
        }
        int version = trimmed.charAt(2) - '0';
        if (version != supportedVersion) {
            throw new PayloadException(Reason.UNSUPPORTED_VERSION, "payload kind " + kind
                    + " version " + version + " is not supported; this build reads version "
                    + supportedVersion);
        }

        byte[] all;
        try {
            all = Base45.decode(trimmed.substring(PREFIX_LENGTH));
        } catch (IllegalArgumentException e) {
            throw new PayloadException(Reason.MALFORMED, "payload is not valid Base45: "
                    + e.getMessage(), e);
        }
        if (all.length <= Ed25519.SIGNATURE_LENGTH) {
            throw new PayloadException(Reason.MALFORMED, "payload of " + all.length
                    + " bytes is too short to hold a signature");
        }
        int bodyLength = all.length - Ed25519.SIGNATURE_LENGTH;
        return new Opened(kind, version, Arrays.copyOf(all, bodyLength),
                Arrays.copyOfRange(all, bodyLength, all.length));
    }

    /** Verifies an opened payload against the key of {@code signer} in {@code keys}. */
    public static void verify(Opened opened, KeyRing keys, String signer, int keyVersion)
            throws PayloadException {
        if (keys.isRevoked(signer, keyVersion)) {
            throw new PayloadException(Reason.REVOKED_SIGNER, "key " + keyVersion + " of "
                    + signer + " is revoked");
        }
        PublicKey key = keys.find(signer, keyVersion).orElseThrow(() -> new PayloadException(
                Reason.UNKNOWN_SIGNER, "no key " + keyVersion + " for signer " + signer));
        byte[] message = signedBytes(opened.kind(), opened.version(), opened.body());
        if (!Ed25519.verify(key, message, opened.signature())) {
            throw new PayloadException(Reason.BAD_SIGNATURE, "signature invalid for " + signer
                    + " key " + keyVersion);
        }
    }

    // The prefix is signed too, so a body cannot be replayed under another kind or version.
    private static byte[] signedBytes(char kind, int version, byte[] body) {
        byte[] message = new byte[body.length + 3];
        message[0] = 'K';
        message[1] = (byte) kind;
        message[2] = (byte) ('0' + version);
        System.arraycopy(body, 0, message, 3, body.length);
        return message;
    }

    /** A payload whose envelope was read but whose signature is not yet checked. */
    public record Opened(char kind, int version, byte[] body, byte[] signature) {
    }
}
