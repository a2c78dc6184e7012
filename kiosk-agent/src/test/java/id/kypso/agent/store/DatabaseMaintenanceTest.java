package id.kypso.agent.store;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.KioskAgent;
import id.kypso.agent.SyncSummary;
import id.kypso.agent.status.Indication;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.SurveyLedger;
import java.io.RandomAccessFile;
import java.sql.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DatabaseMaintenanceTest {
    @TempDir
    Path dataDir;

    @Test
    void checkpoint_truncatesTheWriteAheadLog() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        SurveyLedger ledger = KioskFixture.ledger(database, Clock.systemUTC());
        DatabaseMaintenance maintenance = new DatabaseMaintenance(database);
        boolean completed;
        long before;
        // An open connection, like the ones the app keeps open, stops SQLite from removing
        // the WAL when the writers close theirs.
        try (Connection idle = database.connect()) {
            for (int i = 1; i <= 200; i++) {
                KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-" + i, Clock.systemUTC());
            }
            before = maintenance.walBytes();

            completed = maintenance.checkpoint();
        }

        assertThat(before).isPositive();
        assertThat(completed).isTrue();
        assertThat(maintenance.walBytes()).isZero();
        assertThat(database.integrityCheck()).isEqualTo("ok");
    }

    @Test
    void corruptDatabase_faultsWithoutSyncing() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        SurveyLedger ledger = KioskFixture.ledger(database, Clock.systemUTC());
        for (int i = 1; i <= 300; i++) {
            KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-" + i, Clock.systemUTC());
        }
        new DatabaseMaintenance(database).checkpoint();
        corruptLastPages(kiosk.databaseFile());

        try (KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl("http://127.0.0.1:9")
                .open()) {
            SyncSummary summary = agent.syncOnce();

            assertThat(summary.indication()).isEqualTo(Indication.FAULT);
            assertThat(summary.pushed()).isZero();
            assertThat(summary.errors()).anyMatch(error -> error.contains("integrity"));
            assertThat(agent.status(java.util.Locale.ENGLISH).databaseIntegrity())
                    .isNotEqualTo("ok");
        }
        int status = new CommandLine(new id.kypso.agent.AgentMain()).execute("--data-dir",
                dataDir.toString(), "--aggregator", "http://127.0.0.1:9", "--once");
        assertThat(status).isEqualTo(4);
    }

    /** Overwrites the middle of the last pages, where outbox rows and index entries live. */
    private static void corruptLastPages(Path file) throws Exception {
        long size = Files.size(file);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            for (long page = size - 3 * 4096; page < size; page += 4096) {
                raw.seek(page + 1000);
                for (int i = 0; i < 1500; i++) {
                    raw.write(0x5a);
                }
            }
        }
    }
}
