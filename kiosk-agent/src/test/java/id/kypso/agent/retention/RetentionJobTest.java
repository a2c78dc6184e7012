package id.kypso.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.testing.KioskFixture;
import id.kypso.core.testing.MutableClock;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.sync.SyncRecord;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionJobTest {
    private static final Duration KEEP = Duration.ofDays(30);
    private static final Duration KEEP_SENT = Duration.ofDays(90);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T03:00:00Z"));
    private KioskDatabase database;
    private Outbox outbox;
    private SurveyLedger ledger;
    private KioskFixture kiosk;

    @BeforeEach
    void setUp() {
        kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        database = kiosk.openDatabase();
        outbox = KioskFixture.outbox(database, clock);
        ledger = KioskFixture.ledger(database, clock);
    }

    private void completeAndSync(String registration) throws Exception {
        KioskFixture.completeSurvey(ledger, kiosk.keys(), registration, clock);
        List<SyncRecord> pending = outbox.pending(100);
        outbox.markSent(pending.stream().map(SyncRecord::id).toList());
    }

    @Test
    void syncedTicket_isClearedAfterTheRetentionPeriod() throws Exception {
        completeAndSync("REG-1");
        RetentionJob job = new RetentionJob(database, clock, KEEP, KEEP_SENT);

        clock.advance(KEEP.minusMinutes(1));
        int early = job.run();
        clock.advance(Duration.ofMinutes(1));
        int due = job.run();

        assertThat(early).isZero();
        assertThat(due).isEqualTo(1);
        assertThat(ticketColumns(1)).containsExactly(null, null, "");
        assertThat(new KioskState(database).get(RetentionJob.CLEARED_TICKETS)).contains("1");
    }

    @Test
    void registrationSlips_leaveAWeekAfterTheirPerekaman() {
        RegistrationBook book = new RegistrationBook(database);
        book.replaceAll(List.of(
                new RegistrationBook.Entry("REG-OLD", "KS1:OLD", clock.instant()
                        .minus(RetentionJob.KEEP_REGISTRATIONS).minusSeconds(1)),
                new RegistrationBook.Entry("REG-NEW", "KS1:NEW", clock.instant()
                        .minus(RetentionJob.KEEP_REGISTRATIONS).plusSeconds(1))));

        new RetentionJob(database, clock, KEEP, KEEP_SENT).run();

        assertThat(book.find("REG-OLD")).isEmpty();
        assertThat(book.find("REG-NEW")).contains("KS1:NEW");
    }

    @Test
    void unsyncedTicket_keepsItsData() throws Exception {
        completeAndSync("REG-1");
        KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-2", clock);
        RetentionJob job = new RetentionJob(database, clock, KEEP, KEEP_SENT);

        clock.advance(KEEP.multipliedBy(3));
        int cleared = job.run();

        assertThat(cleared).isEqualTo(1);
        assertThat(ticketColumns(2)).doesNotContainNull();
        assertThat(ticketColumns(2).get(2)).startsWith("KT1:");
    }

    @Test
    void clearedCount_accumulates() throws Exception {
        RetentionJob job = new RetentionJob(database, clock, KEEP, KEEP_SENT);
        completeAndSync("REG-1");
        clock.advance(KEEP);
        job.run();
        completeAndSync("REG-2");
        completeAndSync("REG-3");
        clock.advance(KEEP);

        int second = job.run();
        int third = job.run();

        assertThat(second).isEqualTo(2);
        assertThat(third).isZero();
        assertThat(new KioskState(database).get(RetentionJob.CLEARED_TICKETS)).contains("3");
        assertThat(count("SELECT count(*) FROM ticket")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM ticket WHERE masked_nik IS NOT NULL")).isZero();
    }

    @Test
    void sentRecords_areDeletedAfterTheirOwnPeriod() throws Exception {
        completeAndSync("REG-1");
        completeAndSync("REG-2");
        KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-3", clock);
        RetentionJob job = new RetentionJob(database, clock, KEEP, KEEP_SENT);

        clock.advance(KEEP_SENT.minusMinutes(1));
        job.run();
        long beforeDue = count("SELECT count(*) FROM outbox");
        clock.advance(Duration.ofMinutes(1));
        job.run();

        assertThat(beforeDue).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM outbox WHERE state = 'SENT'")).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE state = 'PENDING'")).isEqualTo(2);
        assertThat(new KioskState(database).get(RetentionJob.PRUNED_RECORDS)).contains("4");
    }

    @Test
    void newestRecord_isKeptSoSequencesNeverRepeat() throws Exception {
        completeAndSync("REG-1");
        RetentionJob job = new RetentionJob(database, clock, KEEP, KEEP_SENT);
        clock.advance(KEEP_SENT.multipliedBy(2));

        job.run();
        KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-2", clock);

        assertThat(count("SELECT count(*) FROM outbox WHERE sequence = 2")).isOne();
        assertThat(count("SELECT min(sequence) FROM outbox")).isEqualTo(2);
        assertThat(count("SELECT max(sequence) FROM outbox")).isEqualTo(4);
    }

    @Test
    void rejectedRecords_areNeverDeleted() throws Exception {
        KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-1", clock);
        List<SyncRecord> pending = outbox.pending(100);
        outbox.markRejected(pending.getFirst().id(), "invalid payload");
        outbox.markSent(List.of(pending.getLast().id()));
        completeAndSync("REG-2");
        RetentionJob job = new RetentionJob(database, clock, KEEP, KEEP_SENT);
        clock.advance(KEEP_SENT.multipliedBy(5));

        job.run();

        assertThat(count("SELECT count(*) FROM outbox WHERE state = 'REJECTED'")).isOne();
        assertThat(count("SELECT count(*) FROM outbox WHERE state = 'SENT'")).isOne();
    }

    private List<String> ticketColumns(long serial) {
        return database.read(connection -> {
            try (var select = connection.prepareStatement(
                    "SELECT masked_nik, nik_digest, payload FROM ticket WHERE serial = ?")) {
                select.setLong(1, serial);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return java.util.Arrays.asList(rows.getString(1), rows.getString(2),
                            rows.getString(3));
                }
            }
        });
    }

    private long count(String sql) {
        return database.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
