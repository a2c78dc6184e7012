package id.kypso.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.status.AgentStatus;
import id.kypso.agent.status.Indication;
import id.kypso.agent.sync.ConfigResult;
import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.TestAggregator;
import id.kypso.core.config.BundleStore;
import id.kypso.core.store.KioskDatabase;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.SurveyLedger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskAgentTest {
    @TempDir
    Path dataDir;

    private final Clock clock = Clock.systemUTC();
    private KioskFixture kiosk;
    private TestAggregator aggregator;
    private KioskDatabase database;
    private SurveyLedger ledger;

    @BeforeEach
    void setUp() throws Exception {
        kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        aggregator = TestAggregator.start(kiosk.keys().getPublic(), "3273-01-K01");
        database = kiosk.openDatabase();
        ledger = KioskFixture.ledger(database, clock);
    }

    @AfterEach
    void tearDown() {
        aggregator.close();
    }

    private KioskAgent openAgent() throws Exception {
        return KioskAgent.builder(dataDir).aggregatorUrl(aggregator.url()).batchSize(7).open();
    }

    private void completeSurveys(int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            KioskFixture.completeSurvey(ledger, kiosk.keys(), "REG-" + i, clock);
        }
    }

    @Test
    void syncOnce_marksPushedRecordsSent() throws Exception {
        completeSurveys(10);

        try (KioskAgent agent = openAgent()) {
            SyncSummary summary = agent.syncOnce();

            assertThat(summary.pushed()).isEqualTo(20);
            assertThat(summary.stored()).isEqualTo(20);
            assertThat(summary.duplicates()).isZero();
            assertThat(summary.rejected()).isZero();
            assertThat(summary.allAcknowledged()).isTrue();
            assertThat(summary.indication()).isEqualTo(Indication.READY);
        }
        assertThat(aggregator.records()).hasSize(20);
        assertThat(KioskFixture.outbox(database, clock).count("SENT")).isEqualTo(20);
    }

    @Test
    void longDrain_pingsTheWatchdogAfterEachBatch() throws Exception {
        completeSurveys(10);
        AtomicInteger pings = new AtomicInteger();

        try (KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(aggregator.url())
                .batchSize(7).keepAlive(pings::incrementAndGet, Duration.ofMinutes(1)).open()) {
            SyncSummary summary = agent.syncOnce();

            assertThat(summary.stored()).isEqualTo(20);
        }
        // 20 records in batches of 7: three batches, each followed by a ping.
        assertThat(pings.get()).isEqualTo(3);
    }

    @Test
    void syncOnce_installsConfigThenSendsEtag() throws Exception {
        try (KioskAgent agent = openAgent()) {
            SyncSummary first = agent.syncOnce();
            SyncSummary second = agent.syncOnce();

            assertThat(first.configInstalled()).isTrue();
            assertThat(second.config().outcome()).isEqualTo(ConfigResult.Outcome.UNCHANGED);
        }
        assertThat(new BundleStore(dataDir).load()).isPresent();
        assertThat(new KioskState(database).get(KioskState.CONFIG_ETAG))
                .contains(aggregator.configEtag());
    }

    @Test
    void invalidBundle_keepsLastGoodOne() throws Exception {
        try (KioskAgent agent = openAgent()) {
            agent.syncOnce();
            byte[] installed = Files.readAllBytes(new BundleStore(dataDir).file());
            aggregator.serveConfig(TestAggregator.validBundle("9999-01"));

            SyncSummary summary = agent.syncOnce();

            assertThat(summary.config().outcome()).isEqualTo(ConfigResult.Outcome.INVALID);
            assertThat(summary.config().problem()).contains("office 9999-01");
            assertThat(Files.readAllBytes(new BundleStore(dataDir).file())).isEqualTo(installed);
            assertThat(agent.status(Locale.ENGLISH).configProblem()).contains("9999-01");
        }
    }

    @Test
    void brokenJsonBundle_isNotInstalled() throws Exception {
        aggregator.serveConfigBytes("{\"format\":\"kypso-config/1\"".getBytes(
                StandardCharsets.UTF_8));
        try (KioskAgent agent = openAgent()) {
            SyncSummary summary = agent.syncOnce();

            assertThat(summary.config().outcome()).isEqualTo(ConfigResult.Outcome.INVALID);
        }
        assertThat(new BundleStore(dataDir).load()).isEmpty();
        Path configFolder = dataDir.resolve("config");
        assertThat(!Files.exists(configFolder) || Files.list(configFolder).toList().isEmpty())
                .as("nothing left in %s", configFolder).isTrue();
    }

    @Test
    void heartbeat_carriesOutboxCountsAndDeviceStates() throws Exception {
        KioskState state = new KioskState(database);
        state.put(KioskState.PRINTER_STATE, "PAPER_LOW");
        state.put(KioskState.SCANNER_STATE, "READY");
        state.put(KioskState.APP_VERSION, "1.2.3");
        aggregator.rejectRecords(record -> record.sequence() == 1);
        completeSurveys(2);

        try (KioskAgent agent = openAgent()) {
            agent.syncOnce();
        }

        var heartbeat = aggregator.heartbeats().getLast();
        assertThat(heartbeat.kioskId()).isEqualTo("3273-01-K01");
        assertThat(heartbeat.unsentRecords()).isZero();
        assertThat(heartbeat.rejectedRecords()).isEqualTo(1);
        assertThat(heartbeat.printerState()).isEqualTo("PAPER_LOW");
        assertThat(heartbeat.scannerState()).isEqualTo("READY");
        assertThat(heartbeat.appVersion()).isEqualTo("1.2.3");
        assertThat(heartbeat.diskFreeBytes()).isPositive();
        assertThat(heartbeat.clockSkewMillis()).isNotNull();
    }

    @Test
    void rejectedRecord_doesNotBlockOthers() throws Exception {
        completeSurveys(5);
        aggregator.rejectRecords(record -> record.sequence() == 3);

        try (KioskAgent agent = openAgent()) {
            SyncSummary summary = agent.syncOnce();

            assertThat(summary.rejected()).isEqualTo(1);
            assertThat(summary.stored()).isEqualTo(9);
            assertThat(summary.allAcknowledged()).isTrue();
            SyncSummary again = agent.syncOnce();
            assertThat(again.pushed()).isZero();
        }
        assertThat(KioskFixture.outbox(database, clock).count("REJECTED")).isEqualTo(1);
        String reason = database.read(connection -> {
            try (var rows = connection.createStatement().executeQuery(
                    "SELECT reject_reason FROM outbox WHERE state = 'REJECTED'")) {
                rows.next();
                return rows.getString(1);
            }
        });
        assertThat(reason).isEqualTo("invalid payload for the test");
    }

    @Test
    void rejectedRequest_splitsTheBatch() throws Exception {
        completeSurveys(8);
        aggregator.rejectRequestsWith(record -> record.sequence() == 6);

        try (KioskAgent agent = openAgent()) {
            SyncSummary summary = agent.syncOnce();

            assertThat(summary.rejected()).isEqualTo(1);
            assertThat(summary.stored()).isEqualTo(15);
            assertThat(summary.allAcknowledged()).isTrue();
        }
        assertThat(aggregator.records()).hasSize(15);
    }

    @Test
    void everyRequestRejected_stopsAfterFiveAndFaults() throws Exception {
        completeSurveys(10);
        aggregator.rejectRequestsWith(record -> true);

        try (KioskAgent agent = openAgent()) {
            SyncSummary summary = agent.syncOnce();

            assertThat(summary.rejected()).isEqualTo(5);
            assertThat(summary.pendingLeft()).isEqualTo(15);
            assertThat(summary.allAcknowledged()).isFalse();
            assertThat(summary.indication()).isEqualTo(Indication.FAULT);
            assertThat(agent.status(Locale.ENGLISH).message())
                    .contains("rejects the kiosk's push requests");
        }
    }

    @Test
    void unreachableAggregator_keepsRecordsPendingAndShowsOffline() throws Exception {
        completeSurveys(3);
        List<Indication> shown = new CopyOnWriteArrayList<>();
        aggregator.close();

        try (KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(aggregator.url())
                .statusLight(shown::add).open()) {
            SyncSummary summary = agent.syncOnce();

            assertThat(summary.pushed()).isZero();
            assertThat(summary.allAcknowledged()).isFalse();
            assertThat(summary.pendingLeft()).isEqualTo(6);
            assertThat(summary.indication()).isEqualTo(Indication.OFFLINE);
        }
        assertThat(shown).containsExactly(Indication.OFFLINE);
        assertThat(KioskFixture.outbox(database, clock).count("PENDING")).isEqualTo(6);
    }

    @Test
    void statusEndpoint_returnsJsonOnLoopback() throws Exception {
        completeSurveys(1);
        try (KioskAgent agent = openAgent()) {
            agent.syncOnce();
            var address = agent.startStatusServer(0);

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                            + "/status?lang=en")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(address.getAddress().isLoopbackAddress()).isTrue();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"state\" : \"READY\"");
            assertThat(response.body()).contains("\"kioskId\" : \"3273-01-K01\"");
            assertThat(response.body()).contains("Ready. 0 records");
            AgentStatus status = agent.status(Locale.of("id"));
            assertThat(status.sentRecords()).isEqualTo(2);
            assertThat(status.message()).startsWith("Siap.");
            assertThat(status.databaseIntegrity()).isEqualTo("ok");
        }
    }

    @Test
    void runLoop_syncsOnPostAndStops() throws Exception {
        try (KioskAgent agent = KioskAgent.builder(dataDir).aggregatorUrl(aggregator.url())
                .interval(Duration.ofHours(1)).open()) {
            var address = agent.startStatusServer(0);
            Thread loop = Thread.ofPlatform().name("agent-loop").start(agent::run);
            awaitTrue(() -> aggregator.heartbeats().size() == 1);
            completeSurveys(1);

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort()
                            + "/sync")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitTrue(() -> aggregator.records().size() == 2);
            agent.stop();
            loop.join(Duration.ofSeconds(30));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(loop.isAlive()).isFalse();
            assertThat(aggregator.heartbeats()).hasSize(2);
        }
    }

    /** Waits for an event of another thread, failing after 30 s. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for the agent loop").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
