package id.kypso.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.KioskAgent;
import id.kypso.agent.SyncSummary;
import id.kypso.agent.status.Indication;
import id.kypso.agent.testing.FaultProxy;
import id.kypso.agent.testing.FaultProxy.Fault;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.RealAggregator;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.Outbox;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.sync.SyncJson;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes surveys through a proxy that drops, delays, resets, drips and impersonates answers,
 * and checks that every record reaches the aggregator once and is marked sent only after it
 * did.
 */
class NetworkFaultTest {
    private static final long SEED = Long.getLong("kypso.faults.seed", 20261204L);

    @TempDir
    Path dataDir;
    @TempDir
    Path serverDir;

    @Test
    void everyRecordArrivesOnceThroughInjectedFaults() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        Clock clock = Clock.systemUTC();
        SurveyLedger ledger = KioskFixture.ledger(database, clock);
        Outbox outbox = KioskFixture.outbox(database, clock);
        Random random = new Random(SEED);
        Fault[] faults = Fault.values();

        // Every fault strikes at least twice, in an order the seed shuffles, then at random.
        List<Fault> twice = new ArrayList<>(List.of(faults));
        twice.addAll(List.of(faults));
        Collections.shuffle(twice, random);
        Queue<Fault> script = new ConcurrentLinkedQueue<>(twice);

        try (RealAggregator aggregator = RealAggregator.start(serverDir);
                FaultProxy proxy = FaultProxy.start(aggregator.port(), () -> {
                    Fault scripted = script.poll();
                    if (scripted != null) {
                        return scripted;
                    }
                    return random.nextInt(3) == 0 ? Fault.PASS
                            : faults[random.nextInt(faults.length)];
                });
                KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(proxy.url())
                        .batchSize(8).callTimeout(Duration.ofSeconds(2)).open()) {
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic());

            // Surveys keep coming while the network misbehaves.
            int surveys = 0;
            int cycles = 0;
            while (surveys < 60 || outbox.count("PENDING") > 0) {
                for (int i = 0; i < 4 && surveys < 60; i++) {
                    surveys++;
                    KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-" + surveys, clock);
                }
                SyncSummary summary = agent.syncOnce();
                cycles++;
                assertThat(summary.rejected()).as("cycle %d: %s", cycles, summary.errors())
                        .isZero();
                assertThat(cycles).as("cycles needed to drain").isLessThan(400);
            }

            assertThat(outbox.count("SENT")).isEqualTo(120);
            assertThat(outbox.count("REJECTED")).isZero();
            Map<String, String> stored = aggregator.payloads("3273-01-K01");
            assertThat(stored).hasSize(120);
            assertThat(aggregator.queryLong("SELECT count(*) FROM survey_response"))
                    .isEqualTo(60);
            assertThat(aggregator.queryLong("SELECT count(*) FROM rejected_record")).isZero();
            Map<UUID, String> kept = outboxBodies(database);
            var json = SyncJson.newMapper();
            for (var entry : kept.entrySet()) {
                String payload = stored.get(entry.getKey().toString());
                assertThat(payload).as("record %s at the aggregator", entry.getKey())
                        .isNotNull();
                assertThat(json.readTree(payload)).isEqualTo(json.readTree(entry.getValue()));
            }
            assertThat(proxy.counts().keySet()).containsAll(List.of(faults));
        }
    }

    @Test
    void loginPageAfterStore_isNotAnAcknowledgement() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        Clock clock = Clock.systemUTC();
        Outbox outbox = KioskFixture.outbox(database, clock);
        KioskFixture.completeSurvey(KioskFixture.ledger(database, clock), kiosk.keys(),
                "REG-1", clock);
        AtomicReference<Fault> fault = new AtomicReference<>(Fault.LOGIN_PAGE_AFTER_STORE);

        try (RealAggregator aggregator = RealAggregator.start(serverDir);
                FaultProxy proxy = FaultProxy.start(aggregator.port(), fault::get);
                KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(proxy.url())
                        .open()) {
            aggregator.enroll("3273-01-K01", kiosk.keys().getPublic());

            SyncSummary portal = agent.syncOnce();
            long storedBehindPortal = aggregator.payloads("3273-01-K01").size();
            long pendingBehindPortal = outbox.count("PENDING");
            fault.set(Fault.PASS);
            SyncSummary open = agent.syncOnce();

            assertThat(portal.indication()).isEqualTo(Indication.OFFLINE);
            assertThat(portal.pushed()).isZero();
            assertThat(storedBehindPortal).isEqualTo(2);
            assertThat(pendingBehindPortal).isEqualTo(2);
            assertThat(open.duplicates()).isEqualTo(2);
            assertThat(open.allAcknowledged()).isTrue();
            assertThat(aggregator.payloads("3273-01-K01")).hasSize(2);
        }
    }

    private static Map<UUID, String> outboxBodies(KioskDatabase database) {
        return database.read(connection -> {
            Map<UUID, String> bodies = new HashMap<>();
            try (ResultSet rows = connection.createStatement()
                    .executeQuery("SELECT id, body FROM outbox")) {
                while (rows.next()) {
                    bodies.put(UUID.fromString(rows.getString(1)), rows.getString(2));
                }
            }
            return bodies;
        });
    }
}
