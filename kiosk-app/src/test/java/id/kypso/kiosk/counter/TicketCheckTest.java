package id.kypso.kiosk.counter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import id.kypso.core.codec.PayloadException.Reason;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.Ed25519;
import id.kypso.core.identity.KioskId;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.RequestSignature;
import id.kypso.core.sync.SyncHeaders;
import id.kypso.core.sync.SyncJson;
import id.kypso.core.sync.TicketStatus;
import id.kypso.kiosk.testing.TestKiosk;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketCheckTest {
    private static final ObjectMapper JSON = SyncJson.newMapper();

    @TempDir
    Path dataDir;

    TestKiosk kiosk;
    KeyPair counterKeys = Ed25519.generate();
    KioskIdentity counter;
    HttpServer server;
    volatile TicketStatus serverAnswer;
    volatile int serverStatus = 200;
    List<String> signatureChecks = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        kiosk = new TestKiosk(dataDir);
        counter = new KioskIdentity(KioskId.parse("3273-01-K90"), 1, "",
                counterKeys.getPrivate());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/tickets/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            boolean valid = RequestSignature.verify(counterKeys.getPublic(),
                    exchange.getRequestHeaders().getFirst(SyncHeaders.SIGNATURE), "POST", path,
                    Long.parseLong(exchange.getRequestHeaders().getFirst(SyncHeaders.TIMESTAMP)),
                    exchange.getRequestBody().readAllBytes());
            signatureChecks.add(exchange.getRequestHeaders().getFirst(SyncHeaders.KIOSK) + " "
                    + path + " " + valid);
            byte[] body = JSON.writeValueAsBytes(serverAnswer);
            exchange.sendResponseHeaders(serverStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    private TicketCheck offline() {
        return new TicketCheck("3273-01-K90", () -> Optional.of(kiosk.bundle), kiosk.database,
                kiosk.outbox, Optional.empty(), kiosk.clock);
    }

    private TicketCheck online() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return new TicketCheck("3273-01-K90", () -> Optional.of(kiosk.bundle), kiosk.database,
                kiosk.outbox, Optional.of(new AggregatorTickets(url, counter, kiosk.clock)),
                kiosk.clock);
    }

    @Test
    void genuineTicket_isValidOnceThenUsed() {
        TicketCheck check = offline();

        CheckResult first = check.check(kiosk.ticket(5));
        CheckResult second = check.check(kiosk.ticket(5));

        assertThat(first.verdict()).isEqualTo(Verdict.VALID);
        assertThat(first.ticket().maskedNik().toString()).isEqualTo("3273********0001");
        assertThat(first.ticket().registrationNumber()).isEqualTo("REG-0001");
        assertThat(second.verdict()).isEqualTo(Verdict.ALREADY_USED);
        assertThat(second.redeemedAt()).isEqualTo(kiosk.clock.instant());
    }

    @Test
    void redemption_isQueuedForSync() {
        offline().check(kiosk.ticket(5));

        var record = kiosk.outbox.pending(10).get(0);
        assertThat(record.type()).isEqualTo("ticket-redeemed");
        assertThat(record.payload().get("ticketId").asText()).isEqualTo("3273-01-K01/5");
        assertThat(record.payload().get("counterId").asText()).isEqualTo("3273-01-K90");
    }

    @Test
    void forgedTicket_isInvalidWithReason() throws Exception {
        String forged = id.kypso.core.ticket.TicketCodec.encode(
                id.kypso.core.ticket.TicketCodec.decode(kiosk.ticket(5),
                        (signer, version) -> Optional.of(kiosk.kioskKeys.getPublic())),
                Ed25519.generate().getPrivate());

        CheckResult result = offline().check(forged);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void slipAtCounter_isWrongKind() {
        CheckResult result = offline().check(kiosk.slip("REG-0001"));

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.reason()).isEqualTo(Reason.WRONG_KIND);
    }

    @Test
    void revokedTicket_isRevoked() {
        ConfigBundle revoking = new ConfigBundle(kiosk.bundle.format(), kiosk.bundle.officeId(),
                kiosk.bundle.officeName(), kiosk.bundle.officeKeys(), kiosk.bundle.kioskKeys(),
                kiosk.bundle.roster(), kiosk.bundle.survey(), List.of("3273-01-K01/5"));
        TicketCheck check = new TicketCheck("3273-01-K90", () -> Optional.of(revoking),
                kiosk.database, kiosk.outbox, Optional.empty(), kiosk.clock);

        assertThat(check.check(kiosk.ticket(5)).verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void ticketRedeemedAtOtherCounter_isCaughtOnline() throws Exception {
        serverAnswer = new TicketStatus("1", "3273-01-K01/5", TicketStatus.State.REDEEMED,
                false, Instant.parse("2026-12-04T02:00:00Z"), "3273-01-K91");

        CheckResult result = online().check(kiosk.ticket(5));

        assertThat(result.verdict()).isEqualTo(Verdict.ALREADY_USED);
        assertThat(result.redeemedBy()).isEqualTo("3273-01-K91");
        assertThat(result.checkedOnline()).isTrue();
        assertThat(signatureChecks)
                .containsExactly("3273-01-K90 /api/v1/tickets/3273-01-K01/5/redeem true");
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void otherCounterRedemption_refusedOfflineToo() {
        serverAnswer = new TicketStatus("1", "3273-01-K01/5", TicketStatus.State.REDEEMED,
                false, Instant.parse("2026-12-04T02:00:00Z"), "3273-01-K91");
        online().check(kiosk.ticket(5));

        CheckResult offline = offline().check(kiosk.ticket(5));

        assertThat(offline.verdict()).isEqualTo(Verdict.ALREADY_USED);
        assertThat(offline.redeemedBy()).isEqualTo("3273-01-K91");
        assertThat(offline.redeemedAt()).isEqualTo(Instant.parse("2026-12-04T02:00:00Z"));
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void ticketRedeemedNowOnline_isValid() {
        serverAnswer = new TicketStatus("1", "3273-01-K01/5", TicketStatus.State.REDEEMED,
                true, kiosk.clock.instant(), "3273-01-K90");

        CheckResult result = online().check(kiosk.ticket(5));

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.checkedOnline()).isTrue();
        assertThat(kiosk.outbox.pending(10)).singleElement().satisfies(record ->
                assertThat(record.type()).isEqualTo("ticket-redeemed"));
        assertThat(online().check(kiosk.ticket(5)).verdict()).isEqualTo(Verdict.ALREADY_USED);
    }

    @Test
    void ticketRevokedOnline_isRevokedAndNotRedeemedHere() {
        serverAnswer = new TicketStatus("1", "3273-01-K01/5", TicketStatus.State.REVOKED,
                false, null, null);

        assertThat(online().check(kiosk.ticket(5)).verdict()).isEqualTo(Verdict.REVOKED);
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void aggregatorError_fallsBackToOfflineCheck() {
        serverStatus = 500;
        serverAnswer = new TicketStatus("1", "x", TicketStatus.State.UNKNOWN, false, null, null);

        CheckResult result = online().check(kiosk.ticket(5));

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.checkedOnline()).isFalse();
    }

    @Test
    void unreachableAggregator_fallsBackToOfflineCheck() {
        server.stop(0);

        CheckResult result = online().check(kiosk.ticket(6));

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.checkedOnline()).isFalse();
    }
}
