package id.kypso.agent;

import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.agent.testing.KioskFixture;
import id.kypso.agent.testing.TestAggregator;
import id.kypso.core.store.KioskDatabase;
import java.nio.file.Path;
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
    void missingIdentity_exitsThree() {
        int status = run("--data-dir", dataDir.toString(), "--once");

        assertThat(status).isEqualTo(AgentMain.EXIT_UNUSABLE);
    }

    @Test
    void missingDataDir_isAUsageError() {
        assertThat(run("--once")).isEqualTo(CommandLine.ExitCode.USAGE);
    }
}
