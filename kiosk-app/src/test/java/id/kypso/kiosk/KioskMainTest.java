package id.kypso.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KioskMainTest {
    @TempDir
    Path dataDir;

    private int run(StringWriter errors, String... args) {
        CommandLine command = new CommandLine(new KioskMain());
        command.setErr(new PrintWriter(errors));
        return command.execute(args);
    }

    @Test
    void unknownLanguage_isAUsageError() {
        StringWriter errors = new StringWriter();

        assertThat(run(errors, "--data-dir", dataDir.toString(), "--lang", "fr")).isEqualTo(2);
        assertThat(errors.toString()).contains("--lang must be id or en, got fr");
    }

    @Test
    void invalidPrinter_isAUsageError() {
        StringWriter errors = new StringWriter();

        assertThat(run(errors, "--data-dir", dataDir.toString(), "--printer", "lp0"))
                .isEqualTo(2);
        assertThat(errors.toString()).contains("invalid printer 'lp0'");
    }

    @Test
    void missingIdentity_exitsWithTwo() {
        assertThat(run(new StringWriter(), "--data-dir", dataDir.toString())).isEqualTo(2);
    }

    @Test
    void shortIdleTimeout_isAUsageError() {
        StringWriter errors = new StringWriter();

        assertThat(run(errors, "--data-dir", dataDir.toString(), "--idle-timeout", "5"))
                .isEqualTo(2);
        assertThat(errors.toString()).contains("at least 30 seconds");
    }

    @Test
    void shortSleepTime_isAUsageError() {
        StringWriter errors = new StringWriter();

        assertThat(run(errors, "--data-dir", dataDir.toString(), "--sleep-after", "10"))
                .isEqualTo(2);
        assertThat(errors.toString()).contains("--sleep-after must be 0 (never) or at least 30");
    }

    @Test
    void negativeSleepTime_isAUsageError() {
        StringWriter errors = new StringWriter();

        assertThat(run(errors, "--data-dir", dataDir.toString(), "--sleep-after", "-1"))
                .isEqualTo(2);
        assertThat(errors.toString()).contains("got -1");
    }

    @Test
    void sleepTimeZero_isAccepted() {
        StringWriter errors = new StringWriter();

        // Passes the option checks and stops at the missing kiosk identity.
        assertThat(run(errors, "--data-dir", dataDir.toString(), "--sleep-after", "0"))
                .isEqualTo(2);
        assertThat(errors.toString()).doesNotContain("--sleep-after");
    }
}
