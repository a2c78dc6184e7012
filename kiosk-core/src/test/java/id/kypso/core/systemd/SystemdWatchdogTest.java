package id.kypso.core.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdWatchdogTest {
    @TempDir
    Path dir;

    @Test
    void noWatchdogOutsideSystemd() {
        assertThat(SystemdWatchdog.fromEnvironment(Map.of())).isEmpty();
        assertThat(SystemdWatchdog.fromEnvironment(Map.of("NOTIFY_SOCKET", "/run/x"))).isEmpty();
        assertThat(SystemdWatchdog.fromEnvironment(
                Map.of("NOTIFY_SOCKET", "/run/x", "WATCHDOG_USEC", "soon"))).isEmpty();
    }

    @Test
    void pingInterval_isHalfTheTimeout() {
        SystemdWatchdog watchdog = SystemdWatchdog.fromEnvironment(
                Map.of("NOTIFY_SOCKET", "/run/x", "WATCHDOG_USEC", "60000000")).orElseThrow();

        assertThat(watchdog.pingInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void ping_reachesTheNotifySocket() throws Exception {
        assumeTrue(onPath("socat") && onPath("systemd-notify"),
                "socat and systemd-notify are needed to receive a real notification");
        Path socket = dir.resolve("notify");
        Path received = dir.resolve("received");
        Process listener = new ProcessBuilder("socat", "-u", "UNIX-RECV:" + socket,
                "OPEN:" + received + ",creat,append").start();
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            SystemdWatchdog watchdog = SystemdWatchdog.fromEnvironment(Map.of(
                    "NOTIFY_SOCKET", socket.toString(), "WATCHDOG_USEC", "60000000"))
                    .orElseThrow();

            assertThat(watchdog.ping()).isTrue();

            while (!(Files.exists(received) && Files.readString(received).contains("WATCHDOG=1"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(received)).contains("WATCHDOG=1");
        } finally {
            listener.destroy();
        }
    }

    @Test
    void missingCommand_failsWithoutThrowing() {
        SystemdWatchdog watchdog = new SystemdWatchdog(dir.resolve("notify").toString(),
                Duration.ofSeconds(60), "no-such-systemd-notify");

        assertThat(watchdog.ping()).isFalse();
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
