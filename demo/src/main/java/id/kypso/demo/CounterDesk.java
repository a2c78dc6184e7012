package id.kypso.demo;

import id.kypso.core.codec.PayloadException;
import id.kypso.core.config.BundleStore;
import id.kypso.core.config.KeyRings;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.RedemptionLedger;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.TicketStatus;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The pickup counter's check of a ticket: offline with the kiosk keys, then online. */
final class CounterDesk {
    private final Path dataDir;
    private final String url;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    CounterDesk(Path dataDir, String url, Clock clock) {
        this.dataDir = dataDir;
        this.url = url;
        this.clock = clock;
    }

    /** The counter's verdict on one scan. */
    record Verdict(String outcome, String detail) {
        @Override
        public String toString() {
            return outcome + " (" + detail + ")";
        }
    }

    Verdict check(String text) throws Exception {
        KioskIdentity identity = KioskIdentity.load(dataDir);
        Ticket ticket;
        try {
            ticket = TicketCodec.decode(text, KeyRings.kiosks(
                    new BundleStore(dataDir).load().orElseThrow()));
        } catch (PayloadException e) {
            return new Verdict("INVALID", e.reason().name());
        }
        RedemptionLedger ledger = new RedemptionLedger(
                KioskDatabase.open(dataDir.resolve("kiosk.db")), clock);
        Optional<Instant> before = ledger.redeem(ticket.ticketId());
        if (before.isPresent()) {
            return new Verdict("ALREADY_USED", "redeemed here at " + before.get());
        }

        String path = "/api/v1/tickets/" + ticket.kiosk() + "/" + ticket.serial() + "/redeem";
        long timestamp = clock.millis();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header(SyncHeaders.KIOSK, identity.kioskId().toString())
                .header(SyncHeaders.TIMESTAMP, Long.toString(timestamp))
                .header(SyncHeaders.SIGNATURE, RequestSignature.sign(identity.privateKey(),
                        "POST", path, timestamp, new byte[0]))
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        TicketStatus status = SyncJson.newMapper().readValue(response.body(), TicketStatus.class);
        return new Verdict("VALID", ticket.maskedNik() + ", " + ticket.registrationNumber()
                + "; aggregator: " + status.state() + (status.redeemedNow() ? " now" : ""));
    }
}
