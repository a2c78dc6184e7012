package id.kypso.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kypso.kiosk.session.OfficerCard;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One citizen from registration slip to rapor-el with real parts: the aggregator on loopback
 * with SQLite files, the provisioning command lines, the slip QR decoded from its PNG, the
 * ticket QR decoded from an image rendered from the captured ESC/POS bytes, and the agent's
 * signed sync.
 */
class EndToEndTest {
    @TempDir
    static Path workDir;

    private static DemoResult result;

    @BeforeAll
    static void playOneCitizen() throws Exception {
        result = new DemoRun(workDir, StepLog.silent(), Clock.systemUTC()).run();
    }

    @Test
    void slipScan_showsBothOfficersFromTheRoster() {
        assertThat(result.slipText()).startsWith("KS1:");
        assertThat(result.scan().verified()).isTrue();
        assertThat(result.scan().officers()).extracting(OfficerCard::name)
                .containsExactly("Budi Santoso", "Siti Rahmawati");
    }

    @Test
    void ticket_isPrintedAndItsQrVerifies() {
        assertThat(result.completion().printed()).isTrue();
        assertThat(result.printedBytes()).isNotEmpty();
        assertThat(result.ticket().ticketId()).isEqualTo("3273-01-K01/1");
        assertThat(result.ticket().registrationNumber()).isEqualTo(DemoRun.REGISTRATION);
        assertThat(result.ticket().maskedNik().toString()).isEqualTo("3273********0001");
    }

    @Test
    void agent_installsConfigBeforeTheFirstScan() {
        assertThat(result.kioskFirstSync().configInstalled()).isTrue();
        assertThat(result.counterFirstSync().configInstalled()).isTrue();
    }

    @Test
    void sameBatchPushedTwice_isStoredOnce() {
        assertThat(result.push().stored()).isEqualTo(2);
        assertThat(result.push().allAcknowledged()).isTrue();
        assertThat(result.pushAgain().stored()).isZero();
        assertThat(result.pushAgain().duplicates()).isEqualTo(2);
        assertThat(result.officerRapor().path("responses").asLong()).isEqualTo(1);
    }

    @Test
    void rapor_scoresTheAnswersExactly() {
        // Eight elements answered 4 and waiting time (U3) answered 3:
        // (8 * 4 + 3) / 9 * 25 = 97.2222... -> 97.22, band A.
        JsonNode rapor = result.officerRapor();

        assertThat(rapor.path("name").asText()).isEqualTo("Siti Rahmawati");
        assertThat(rapor.path("index").decimalValue()).isEqualByComparingTo("97.22");
        assertThat(rapor.path("band").asText()).isEqualTo("A");
        assertThat(rapor.path("enoughResponses").asBoolean()).isTrue();
    }

    @Test
    void counter_redeemsTheTicketOnce() {
        assertThat(result.firstCounterScan().outcome()).isEqualTo("VALID");
        assertThat(result.firstCounterScan().detail()).contains("3273********0001")
                .contains("REDEEMED now");
        assertThat(result.secondCounterScan().outcome()).isEqualTo("ALREADY_USED");
    }
}
