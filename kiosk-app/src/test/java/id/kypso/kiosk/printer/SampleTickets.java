package id.kypso.kiosk.printer;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A real signed ticket and its print job, for printer tests. */
final class SampleTickets {
    static final KeyPair KIOSK_KEYS = Ed25519.generate();
    static final KioskId KIOSK = KioskId.parse("3273-01-K01");
    static final Ticket TICKET = new Ticket(KIOSK, 42, "REG-2026-000123",
            Instant.parse("2026-12-04T02:45:00Z"), MaskedNik.parse("3273********0001"),
            new byte[12], 1);

    private SampleTickets() {
    }

    static MapKeyRing keyRing() {
        return new MapKeyRing().put(KIOSK.toString(), 1, KIOSK_KEYS.getPublic());
    }

    static TicketPrint print() {
        return print("Disdukcapil Kota Bandung", List.of("Verifikasi: Budi Santoso",
                "Perekaman: Siti Rahayu"));
    }

    static TicketPrint print(String officeName, List<String> lines) {
        return new TicketPrint(officeName, KIOSK.toString(), TICKET.shortCode(),
                TICKET.registrationNumber(), TICKET.maskedNik().toString(),
                TICKET.issuedAt().atZone(ZoneId.of("Asia/Jakarta")),
                TicketCodec.encode(TICKET, KIOSK_KEYS.getPrivate()), lines);
    }
}
