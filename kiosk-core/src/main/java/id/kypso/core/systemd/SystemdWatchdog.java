package id.kypso.core.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends systemd watchdog keep-alives for a unit with {@code WatchdogSec=}, through the
 * {@code systemd-notify} command, so a program that hangs is restarted.
 *
 * <p>The command runs as a child process, so the unit needs {@code NotifyAccess=all}. For the
 * same reason {@code WATCHDOG_PID} is not checked: the kiosk app runs under cage, whose process
 * is the unit's main process.
 */
public final class SystemdWatchdog {
    private static final Logger log = LoggerFactory.getLogger(SystemdWatchdog.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 5;

    private final String notifySocket;
    private final Duration timeout;
    private final String command;
    private volatile boolean failureLogged;

    SystemdWatchdog(String notifySocket, Duration timeout, String command) {
        this.notifySocket = notifySocket;
        this.timeout = timeout;
        this.command = command;
    }

    /**
     * Returns a watchdog when systemd asked for one: {@code NOTIFY_SOCKET} and
     * {@code WATCHDOG_USEC} are both set. Empty when the program runs outside such a unit.
     */
    public static Optional<SystemdWatchdog> fromEnvironment(Map<String, String> environment) {
        String socket = environment.get("NOTIFY_SOCKET");
        String microseconds = environment.get("WATCHDOG_USEC");
        if (socket == null || socket.isBlank() || microseconds == null) {
            return Optional.empty();
        }
        long usec;
        try {
            usec = Long.parseLong(microseconds.strip());
        } catch (NumberFormatException e) {
            log.warn("WATCHDOG_USEC is not a number: '{}'; no watchdog keep-alives sent",
                    microseconds);
            return Optional.empty();
        }
        if (usec <= 0) {
            return Optional.empty();
        }
        return Optional.of(new SystemdWatchdog(socket, Duration.ofNanos(usec * 1000),
                "systemd-notify"));
    }

    /** Returns how often to send keep-alives: half the unit's timeout, as systemd advises. */
    public Duration pingInterval() {
        return timeout.dividedBy(2);
    }

    /** Sends one keep-alive; returns whether systemd-notify reported success. */
    public boolean ping() {
        return send("WATCHDOG=1");
    }

    /** Tells systemd the program finished starting, for units of {@code Type=notify}. */
    public boolean ready() {
        return send("READY=1");
    }

    private boolean send(String state) {
        // --no-block skips the barrier that systemd-notify otherwise waits for (about 5 s
        // where the receiver does not answer it); a keep-alive needs no reply.
        ProcessBuilder builder = new ProcessBuilder(command, "--no-block", state)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("NOTIFY_SOCKET", notifySocket);
        try {
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return failed(state, "timed out after " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            return process.exitValue() == 0
                    || failed(state, "exit code " + process.exitValue());
        } catch (IOException e) {
            return failed(state, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // Logged once, so a missing systemd-notify does not fill the journal every few seconds.
    private boolean failed(String state, String reason) {
        if (!failureLogged) {
            failureLogged = true;
            log.error("Sending {} to systemd failed ({}); systemd will restart this program"
                    + " when its watchdog runs out. Is systemd-notify installed?", state, reason);
        }
        return false;
    }
}
