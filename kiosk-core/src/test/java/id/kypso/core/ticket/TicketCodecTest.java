package id.kypso.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.codec.PayloadException.Reason;
import id.kypso.core.identity.KioskId;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.testing.Fixtures;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketCodecTest {
    private final KeyPair kioskKeys = Fixtures.keys();
    private final KioskId kiosk = KioskId.parse("3273-01-K01");
    private final Ticket ticket = new Ticket(kiosk, 42, "3273-20261204-0001",
            Instant.parse("2026-12-04T03:00:12Z"), MaskedNik.parse("3273********0001"),
            new byte[12], 1);

    @Test
    void ticket_roundTripsThroughQrText() throws PayloadException {
        MapKeyRing ring = new MapKeyRing().put("3273-01-K01", 1, kioskKeys.getPublic());

        String text = TicketCodec.encode(ticket, kioskKeys.getPrivate());

        assertThat(text).startsWith("KT1:");
        assertThat(TicketCodec.decode(text, ring)).isEqualTo(ticket);
        assertThat(ticket.shortCode()).isEqualTo("K01-000042");
        assertThat(ticket.ticketId()).isEqualTo("3273-01-K01/42");
    }

    @Test
    void ticketOfRevokedKioskKey_isRejected() {
        MapKeyRing ring = new MapKeyRing().put("3273-01-K01", 1, kioskKeys.getPublic())
                .revoke("3273-01-K01", 1);
        String text = TicketCodec.encode(ticket, kioskKeys.getPrivate());

        assertThatThrownBy(() -> TicketCodec.decode(text, ring))
                .extracting(e -> ((PayloadException) e).reason())
                .isEqualTo(Reason.REVOKED_SIGNER);
    }

    @Test
    void slipScannedAsTicket_isRejectedAsWrongKind() {
        String slip = id.kypso.core.slip.SlipCodec.encode(Fixtures.slip("3273-20261204-0001"),
                kioskKeys.getPrivate());

        assertThatThrownBy(() -> TicketCodec.decode(slip, new MapKeyRing()))
                .extracting(e -> ((PayloadException) e).reason())
                .isEqualTo(Reason.WRONG_KIND);
    }
}
