package id.kypso.kiosk.session;

import id.kypso.core.identity.OfficeId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The four-digit check printed beside the registration number on a slip, so a number keyed in
 * by hand is caught when mistyped. It is the first four bytes of
 * SHA-256({@code "KYPSO-SLIP-CHECK/1|" + officeId + "|" + registrationNumber}) read as an
 * unsigned big-endian number, modulo 10,000, written with leading zeros.
 *
 * <p>It guards against typing errors only (a random mistake passes 1 time in 10,000); anyone
 * can compute it, so a survey keyed in by hand is still marked unverified.
 */
public final class SlipCheck {
    public static final int DIGITS = 4;
    private static final String DOMAIN = "KYPSO-SLIP-CHECK/1|";

    private SlipCheck() {
    }

    /** Computes the check for {@code registrationNumber} of {@code office}, such as "0427". */
    public static String of(OfficeId office, String registrationNumber) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest((DOMAIN + office + "|"
                    + registrationNumber).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16)
                | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
        return String.format("%04d", value % 10_000);
    }

    /** Returns whether {@code check} is the check of the registration number. */
    public static boolean matches(OfficeId office, String registrationNumber, String check) {
        return check != null && check.equals(of(office, registrationNumber));
    }
}
