package id.kypso.provisioning.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the checks of the kiosk OS files (shellcheck, systemd-analyze verify) and the setup
 * script's dry run, so a broken unit or script fails the module's tests.
 */
class OsFilesTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void scriptsAndUnits_passShellcheckAndSystemdVerify() throws Exception {
        Run check = run(List.of(ROOT.resolve("scripts/os/check.sh").toString()));

        assertThat(check.code()).as(check.output()).isZero();
        assertThat(check.output()).contains("check: all passed");
    }

    @Test
    void setupDryRun_listsEveryStep() throws Exception {
        Run dryRun = run(List.of(ROOT.resolve("scripts/os/setup-kiosk.sh").toString(),
                "--deb", "kypso-kiosk_0.1.0_amd64.deb", "--dry-run"));

        assertThat(dryRun.code()).as(dryRun.output()).isZero();
        assertThat(dryRun.output())
                .contains("apt-get install -y --no-install-recommends cage xwayland")
                .contains("logind.conf.d/kypso-kiosk.conf")
                .contains("timedatectl set-ntp true")
                .contains("systemctl set-default graphical.target")
                .contains("systemctl enable kypso-agent.service kypso-kiosk.service");
    }

    @Test
    void kioskUnits_neverAllowVtSwitchingAndRestart() throws IOException {
        String kiosk = Files.readString(ROOT.resolve("scripts/os/systemd/kypso-kiosk.service"));
        String agent = Files.readString(ROOT.resolve("scripts/os/systemd/kypso-agent.service"));

        assertThat(kiosk).contains("ExecStart=/usr/bin/cage -d -- ").doesNotContain("cage -s")
                .contains("Restart=always").contains("User=kypso");
        assertThat(agent).contains("Restart=always").contains("ReadWritePaths=/var/lib/kypso");
    }

    @Test
    void udevRules_giveScannerAndPrinterStableNames() throws IOException {
        String rules = Files.readString(ROOT.resolve("scripts/os/udev/70-kypso.rules"));

        assertThat(rules).contains("SYMLINK+=\"kypso-scanner\"")
                .contains("SYMLINK+=\"kypso-printer\"");
    }

    private record Run(int code, String output) {
    }

    private static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
