package id.kypso.core.ticket;

import id.kypso.core.codec.BinaryReader;
import id.kypso.core.codec.BinaryWriter;
import id.kypso.core.codec.KeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.codec.PayloadException.Reason;
import id.kypso.core.codec.SignedPayloads;
import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.KioskId;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.OfficeId;
import id.kypso.core.slip.RegistrationSlip;
import java.security.PrivateKey;
import java.time.Instant;

/** Ticket payload version 1, the text inside the completion ticket's QR code. */
public final class TicketCodec {
    public static final char KIND = 'T';
    public static final int VERSION = 1;

    private TicketCodec() {
    }

    public static String encode(Ticket ticket, PrivateKey kioskKey) {
        byte[] body = new BinaryWriter()
                .u16(ticket.kiosk().office().regionCode())
                .u8(ticket.kiosk().office().officeNumber())
                .u8(ticket.kiosk().number())
                .u8(ticket.keyVersion())
                .u32(ticket.serial())
                .shortAscii(ticket.registrationNumber())
                .u32(ticket.issuedAt().getEpochSecond())
                .u16(Integer.parseInt(ticket.maskedNik().firstFour()))
                .u16(Integer.parseInt(ticket.maskedNik().lastFour()))
                .bytes(ticket.nikDigest())
                .toByteArray();
        return SignedPayloads.seal(KIND, VERSION, body, kioskKey);
    }

    /** Decodes and verifies a ticket against the kiosk keys of the counter's office. */
    public static Ticket decode(String text, KeyRing kioskKeys) throws PayloadException {
        SignedPayloads.Opened opened = SignedPayloads.open(text, KIND, VERSION);
        Ticket ticket = parseBody(opened.body());
        SignedPayloads.verify(opened, kioskKeys, ticket.kiosk().toString(), ticket.keyVersion());
        return ticket;
    }

    private static Ticket parseBody(byte[] body) throws PayloadException {
        BinaryReader in = new BinaryReader(body);
        try {
            KioskId kiosk = new KioskId(new OfficeId(in.u16(), in.u8()), in.u8());
            int keyVersion = in.u8();
            long serial = in.u32();
            String registrationNumber = in.shortAscii();
            if (!RegistrationSlip.isValidRegistrationNumber(registrationNumber)) {
                throw new IllegalArgumentException("registration number " + registrationNumber
                        + " is not valid");
            }
            Instant issuedAt = Instant.ofEpochSecond(in.u32());
            MaskedNik masked = new MaskedNik(String.format("%04d", in.u16()),
                    String.format("%04d", in.u16()));
            byte[] digest = in.bytes(NikDigest.LENGTH);
            if (in.remaining() != 0) {
                throw new PayloadException(Reason.MALFORMED, in.remaining()
                        + " unexpected bytes after the NIK digest");
            }
            return new Ticket(kiosk, serial, registrationNumber, issuedAt, masked, digest,
                    keyVersion);
        } catch (IllegalArgumentException e) {
            throw new PayloadException(Reason.MALFORMED, "ticket field is invalid: "
                    + e.getMessage(), e);
        }
    }
}
