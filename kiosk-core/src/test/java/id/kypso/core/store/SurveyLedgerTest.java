package id.kypso.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.uuid.Generators;
import id.kypso.core.identity.KioskId;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.store.SurveyLedger.AlreadySurveyedException;
import id.kypso.core.store.SurveyLedger.IssuedTicket;
import id.kypso.core.survey.OfficerRating;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.sync.SyncRecord;
import id.kypso.core.testing.Fixtures;
import id.kypso.core.ticket.TicketCodec;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurveyLedgerTest {
    private static final KioskId KIOSK = KioskId.parse("3273-01-K01");

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-04T03:10:00Z"),
            ZoneOffset.UTC);
    private final KeyPair kioskKeys = Fixtures.keys();

    @Test
    void completedSurvey_issuesTicketAndQueuesTwoRecords() throws Exception {
        SurveyLedger ledger = ledger(KioskDatabase.open(dir.resolve("kiosk.db")));
        Outbox outbox = new Outbox(KioskDatabase.open(dir.resolve("kiosk.db")), clock,
                Generators.timeBasedEpochGenerator()::generate);
        RegistrationSlip slip = Fixtures.slip("3273-20261204-0001");

        IssuedTicket issued = complete(ledger, slip);

        assertThat(issued.ticket().serial()).isEqualTo(1);
        assertThat(ledger.isSurveyed(slip)).isTrue();
        assertThat(ledger.ticketPayload(1)).contains(issued.payload());
        List<SyncRecord> pending = outbox.pending(10);
        assertThat(pending).extracting(SyncRecord::type)
                .containsExactly("survey-response", "ticket-issued");
        assertThat(pending).extracting(SyncRecord::sequence).containsExactly(1L, 2L);
        assertThat(pending.get(0).payload().toString()).doesNotContain("3273-20261204-0001");
    }

    @Test
    void secondSurveyOfSameSlip_isRejectedAndStoresNothing() throws Exception {
        KioskDatabase database = KioskDatabase.open(dir.resolve("kiosk.db"));
        SurveyLedger ledger = ledger(database);
        RegistrationSlip slip = Fixtures.slip("3273-20261204-0001");
        complete(ledger, slip);

        assertThatThrownBy(() -> complete(ledger, slip))
                .isInstanceOf(AlreadySurveyedException.class);
        Outbox outbox = new Outbox(database, clock, UUID::randomUUID);
        assertThat(outbox.count("PENDING")).isEqualTo(2);
    }

    @Test
    void surveysFromTwoConnectionsAtOnce_neverFailWithBusy() throws Exception {
        Path file = dir.resolve("kiosk.db");
        SurveyLedger first = ledger(KioskDatabase.open(file));
        SurveyLedger second = ledger(KioskDatabase.open(file));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> completeMany(first, "A"));
            Future<?> b = pool.submit(() -> completeMany(second, "B"));
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
        }

        Outbox outbox = new Outbox(KioskDatabase.open(file), clock, UUID::randomUUID);
        assertThat(outbox.count("PENDING")).isEqualTo(200);
        assertThat(KioskDatabase.open(file).integrityCheck()).isEqualTo("ok");
    }

    private Void completeMany(SurveyLedger ledger, String prefix) throws Exception {
        for (int i = 0; i < 50; i++) {
            complete(ledger, Fixtures.slip(prefix + "-0000-" + i));
        }
        return null;
    }

    private SurveyLedger ledger(KioskDatabase database) {
        Outbox outbox = new Outbox(database, clock,
                Generators.timeBasedEpochGenerator()::generate);
        return new SurveyLedger(database, outbox, clock);
    }

    private IssuedTicket complete(SurveyLedger ledger, RegistrationSlip slip)
            throws AlreadySurveyedException {
        SurveyResponse response = new SurveyResponse(UUID.randomUUID(), KIOSK.toString(),
                "3273-01", "kypso-ktpel", 1, true, Instant.parse("2026-12-04T03:00:00Z"),
                Instant.parse("2026-12-04T02:00:00Z"), "id",
                List.of(new OfficerRating(Fixtures.RECORDER.digits(), "PEREKAMAN", true,
                        Map.of("perilaku", 4), null)),
                List.of());
        return ledger.complete(slip, response, KIOSK, 1,
                ticket -> TicketCodec.encode(ticket, kioskKeys.getPrivate()));
    }
}
