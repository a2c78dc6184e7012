package id.kypso.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.TestAggregator;
import id.kypso.core.store.KioskDatabase;
import id.kypso.agent.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AgentMainTest {
    @TempDir
    Path dataDir;

    private static int run(String... args) {
        return new CommandLine(new AgentMain()).execute(args);
    }

    @Test
    void once_exitsZeroWhenEveryRecordWasAcknowledged() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        KioskFixture.completeSurvey(KioskFixture.ledger(database, Clock.systemUTC()),
                kiosk.keys(), "REG-1", Clock.systemUTC());
        try (TestAggregator aggregator = TestAggregator.start(kiosk.keys().getPublic(),
                "3273-01-K01")) {
            int status = run("--data-dir", dataDir.toString(), "--aggregator", aggregator.url(),
                    "--once");

            assertThat(status).isZero();
            assertThat(aggregator.records()).hasSize(2);
        }
    }

    @Test
    void once_exitsOneWhileRecordsArePending() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        KioskFixture.completeSurvey(KioskFixture.ledger(database, Clock.systemUTC()),
                kiosk.keys(), "REG-1", Clock.systemUTC());
        TestAggregator aggregator = TestAggregator.start(kiosk.keys().getPublic(), "3273-01-K01");
        aggregator.close();

        int status = run("--data-dir", dataDir.toString(), "--aggregator", aggregator.url(),
                "--once", "--call-timeout", "5");

        assertThat(status).isEqualTo(AgentMain.EXIT_PENDING);
    }

    @Test
    void once_exitsOneWhenAggregatorDown() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        // Started and stopped at once, so its port refuses connections.
        TestAggregator aggregator = TestAggregator.start(kiosk.keys().getPublic(), "3273-01-K01");
        aggregator.close();

        int status = run("--data-dir", dataDir.toString(), "--aggregator", aggregator.url(),
                "--once", "--call-timeout", "5");

        assertThat(status).isEqualTo(AgentMain.EXIT_PENDING);
    }

    @Test
    void missingIdentity_exitsThree() {
        int status = run("--data-dir", dataDir.toString(), "--once");

        assertThat(status).isEqualTo(AgentMain.EXIT_UNUSABLE);
    }

    @Test
    void missingDataDir_isAUsageError() {
        assertThat(run("--once")).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void sigterm_stopsTheDaemonBeforeTheHookTimeout() throws Exception {
        KioskFixture kiosk = KioskFixture.create(dataDir, "http://127.0.0.1:9");
        KioskDatabase database = kiosk.openDatabase();
        KioskFixture.completeSurvey(KioskFixture.ledger(database, Clock.systemUTC()),
                kiosk.keys(), "REG-1", Clock.systemUTC());
        try (TestAggregator aggregator = TestAggregator.start(kiosk.keys().getPublic(),
                "3273-01-K01")) {
            Process agent = ChildJvm.start(AgentMain.class, List.of("-Xmx64m"),
                    List.of("--data-dir", dataDir.toString(), "--aggregator", aggregator.url(),
                            "--status-port", "0", "--interval", "3600"),
                    dataDir.resolve("agent.log"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (aggregator.heartbeats().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            long stopping = System.nanoTime();
            agent.destroy();
            boolean exited = agent.waitFor(8, TimeUnit.SECONDS);
            long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);

            assertThat(aggregator.records()).hasSize(2);
            assertThat(exited).as("agent exited %d ms after SIGTERM", stopMillis).isTrue();
            assertThat(Files.readString(dataDir.resolve("agent.log")))
                    .doesNotContain("Exception");
        }
    }
}
