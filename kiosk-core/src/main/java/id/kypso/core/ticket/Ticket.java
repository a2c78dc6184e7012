package id.kypso.core.ticket;

import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.KioskId;
import id.kypso.core.identity.MaskedNik;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The completion ticket a kiosk prints after a survey, signed with the kiosk's key. The pickup
 * counter checks it before handing over the KTP-el.
 *
 * @param serial the kiosk's own ticket counter, starting at 1
 * @param nikDigest copied from the slip, so the ticket binds to the same citizen
 */
public record Ticket(
        KioskId kiosk,
        long serial,
        String registrationNumber,
        Instant issuedAt,
        MaskedNik maskedNik,
        byte[] nikDigest,
        int keyVersion) {

    public Ticket {
        if (serial < 1 || serial > 0xffff_ffffL) {
            throw new IllegalArgumentException("ticket serial must be 1-4294967295: " + serial);
        }
        if (nikDigest == null || nikDigest.length != NikDigest.LENGTH) {
            throw new IllegalArgumentException("NIK digest must be " + NikDigest.LENGTH
                    + " bytes");
        }
        if (keyVersion < 0 || keyVersion > 255) {
            throw new IllegalArgumentException("key version must be 0-255: " + keyVersion);
        }
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        nikDigest = nikDigest.clone();
    }

    /** Returns the id a counter uses to remember redemptions: {@code 3273-01-K01/42}. */
    public String ticketId() {
        return kiosk + "/" + serial;
    }

    /**
     * Returns a short code a person can read out or type: the kiosk number and serial, for
     * when the ticket's QR code cannot be printed.
     */
    public String shortCode() {
        return String.format("K%02d-%06d", kiosk.number(), serial);
    }

    @Override
    public byte[] nikDigest() {
        return nikDigest.clone();
    }

    public String nikDigestHex() {
        return HexFormat.of().formatHex(nikDigest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ticket ticket
                && ticket.kiosk.equals(kiosk)
                && ticket.serial == serial
                && ticket.registrationNumber.equals(registrationNumber)
                && ticket.issuedAt.equals(issuedAt)
                && ticket.maskedNik.equals(maskedNik)
                && Arrays.equals(ticket.nikDigest, nikDigest)
                && ticket.keyVersion == keyVersion;
    }

    @Override
    public int hashCode() {
        return kiosk.hashCode() * 31 + Long.hashCode(serial);
    }

    @Override
    public String toString() {
        return "Ticket[" + ticketId() + "]";
    }
}
