package id.kypso.core.testing;

import id.kypso.core.crypto.Ed25519;
import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.Nik;
import id.kypso.core.identity.Nip;
import id.kypso.core.identity.OfficeId;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.StageOfficer;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;

/** Test data shared by the modules' tests: a sample office, citizen and slip. */
public final class Fixtures {
    public static final OfficeId OFFICE = OfficeId.parse("3273-01");
    public static final Nik NIK = Nik.parse("3273014506900001");
    public static final Nip VERIFIER = Nip.parse("198503122010011001");
    public static final Nip RECORDER = Nip.parse("199001052015032002");
    public static final byte[] BINDING_SECRET = new byte[32];

    private Fixtures() {
    }

    public static RegistrationSlip slip(String registrationNumber) {
        return new RegistrationSlip(OFFICE, registrationNumber,
                Instant.parse("2026-12-04T02:15:30Z"), MaskedNik.of(NIK),
                new NikDigest(BINDING_SECRET).digest(NIK),
                List.of(new StageOfficer(ServiceStage.VERIFIKASI, VERIFIER),
                        new StageOfficer(ServiceStage.PEREKAMAN, RECORDER)),
                1);
    }

    public static KeyPair keys() {
        return Ed25519.generate();
    }
}
