package id.kypso.core.slip;

import id.kypso.core.codec.BinaryReader;
import id.kypso.core.codec.BinaryWriter;
import id.kypso.core.codec.KeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.codec.PayloadException.Reason;
import id.kypso.core.codec.SignedPayloads;
import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.Nip;
import id.kypso.core.identity.OfficeId;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Slip payload version 1, the text inside the registration slip's QR code. The layout is in
 * {@code docs/formats.md}; every field has a fixed width or a length prefix, and nothing may
 * follow the last officer.
 */
public final class SlipCodec {
    public static final char KIND = 'S';
    public static final int VERSION = 1;

    private SlipCodec() {
    }

    public static String encode(RegistrationSlip slip, PrivateKey officeKey) {
        BinaryWriter out = new BinaryWriter()
                .u16(slip.office().regionCode())
                .u8(slip.office().officeNumber())
                .u8(slip.keyVersion())
                .shortAscii(slip.registrationNumber())
                .u32(slip.perekamanAt().getEpochSecond())
                .u16(Integer.parseInt(slip.maskedNik().firstFour()))
                .u16(Integer.parseInt(slip.maskedNik().lastFour()))
                .bytes(slip.nikDigest())
                .u8(slip.officers().size());
        for (StageOfficer officer : slip.officers()) {
            out.u8(officer.stage().code()).u64(officer.nip().toLong());
        }
        return SignedPayloads.seal(KIND, VERSION, out.toByteArray(), officeKey);
    }

    /** Decodes and verifies a slip against the office keys this kiosk holds. */
    public static RegistrationSlip decode(String text, KeyRing officeKeys)
            throws PayloadException {
        SignedPayloads.Opened opened = SignedPayloads.open(text, KIND, VERSION);
        RegistrationSlip slip = parseBody(opened.body());
        SignedPayloads.verify(opened, officeKeys, slip.office().toString(), slip.keyVersion());
        return slip;
    }

    private static RegistrationSlip parseBody(byte[] body) throws PayloadException {
        BinaryReader in = new BinaryReader(body);
        try {
            OfficeId office = new OfficeId(in.u16(), in.u8());
            int keyVersion = in.u8();
            String registrationNumber = in.shortAscii();
            Instant perekamanAt = Instant.ofEpochSecond(in.u32());
            MaskedNik masked = new MaskedNik(String.format("%04d", in.u16()),
                    String.format("%04d", in.u16()));
            byte[] digest = in.bytes(NikDigest.LENGTH);
            int count = in.u8();
            if (count < 1 || count > RegistrationSlip.MAX_OFFICERS) {
                throw new PayloadException(Reason.MALFORMED, "slip names " + count
                        + " officers, expected 1-" + RegistrationSlip.MAX_OFFICERS);
            }
            List<StageOfficer> officers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                officers.add(new StageOfficer(ServiceStage.fromCode(in.u8()),
                        Nip.fromLong(in.u64())));
            }
            if (in.remaining() != 0) {
                throw new PayloadException(Reason.MALFORMED, in.remaining()
                        + " unexpected bytes after the last officer");
            }
            return new RegistrationSlip(office, registrationNumber, perekamanAt, masked, digest,
                    officers, keyVersion);
        } catch (IllegalArgumentException e) {
            throw new PayloadException(Reason.MALFORMED, "slip field is invalid: "
                    + e.getMessage(), e);
        }
    }
}
