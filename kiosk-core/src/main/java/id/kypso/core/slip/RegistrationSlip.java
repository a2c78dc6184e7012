package id.kypso.core.slip;

import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.OfficeId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * What the registration slip's QR code states, signed by the office: a citizen of this office
 * finished perekaman at this time and was served by these officers.
 *
 * @param nikDigest the office-keyed {@link NikDigest} of the citizen's NIK
 * @param keyVersion the version of the office key that signs the slip
 */
public record RegistrationSlip(
        OfficeId office,
        String registrationNumber,
        Instant perekamanAt,
        MaskedNik maskedNik,
        byte[] nikDigest,
        List<StageOfficer> officers,
        int keyVersion) {

    public static final int MAX_OFFICERS = 8;
    private static final String REGISTRATION_PATTERN = "[A-Z0-9][A-Z0-9./-]{3,31}";

    public RegistrationSlip {
        if (registrationNumber == null || !registrationNumber.matches(REGISTRATION_PATTERN)) {
            throw new IllegalArgumentException("registration number must be 4-32 of A-Z, 0-9,"
                    + " '.', '/', '-': " + registrationNumber);
        }
        if (nikDigest == null || nikDigest.length != NikDigest.LENGTH) {
            throw new IllegalArgumentException("NIK digest must be " + NikDigest.LENGTH
                    + " bytes");
        }
        if (officers == null || officers.isEmpty() || officers.size() > MAX_OFFICERS) {
            throw new IllegalArgumentException("a slip names 1-" + MAX_OFFICERS
                    + " officers, got " + (officers == null ? 0 : officers.size()));
        }
        if (keyVersion < 0 || keyVersion > 255) {
            throw new IllegalArgumentException("key version must be 0-255: " + keyVersion);
        }
        perekamanAt = perekamanAt.truncatedTo(ChronoUnit.SECONDS);
        officers = List.copyOf(officers);
        nikDigest = nikDigest.clone();
    }

    public static boolean isValidRegistrationNumber(String text) {
        return text != null && text.matches(REGISTRATION_PATTERN);
    }

    @Override
    public byte[] nikDigest() {
        return nikDigest.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistrationSlip slip
                && slip.office.equals(office)
                && slip.registrationNumber.equals(registrationNumber)
                && slip.perekamanAt.equals(perekamanAt)
                && slip.maskedNik.equals(maskedNik)
                && Arrays.equals(slip.nikDigest, nikDigest)
                && slip.officers.equals(officers)
                && slip.keyVersion == keyVersion;
    }

    @Override
    public int hashCode() {
        return office.hashCode() * 31 + registrationNumber.hashCode();
    }

    @Override
    public String toString() {
        return "RegistrationSlip[" + office + " " + registrationNumber + "]";
    }
}
