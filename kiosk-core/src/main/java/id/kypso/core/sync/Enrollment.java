package id.kypso.core.sync;

/** Bodies of {@code POST /api/v1/enroll}, which needs no signature but a one-time token. */
public final class Enrollment {

    private Enrollment() {
    }

    /** @param publicKey base64 of the kiosk's raw 32-byte Ed25519 public key */
    public record Request(String token, String kioskId, String publicKey, int keyVersion) {
    }

    public record Response(String protocol, String kioskId, String officeId, String officeName) {
    }
}
