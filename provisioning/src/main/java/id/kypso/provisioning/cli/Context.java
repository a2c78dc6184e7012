package id.kypso.provisioning.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The services every command receives instead of globals: output streams, the operator's
 * input, the clock, randomness, the environment and the texts. Tests build one
 * over captured streams and a fixed clock.
 *
 * @param in the operator's input (stdin), read for PINs and scanner input when there is no
 *     console
 * @param console the interactive console, empty when input is piped
 * @param httpTimeout the connect, read and write timeout for calls to the aggregator
 */
public record Context(
        PrintWriter out,
        PrintWriter err,
        BufferedReader in,
        Optional<java.io.Console> console,
        Clock clock,
        SecureRandom random,
        Map<String, String> environment,
        Messages messages,
        Duration httpTimeout) {

    public Context {
        environment = Map.copyOf(environment);
    }

    /** Writes one line of operator text from the bundle to standard output. */
    public void say(String key, Object... arguments) {
        out.println(messages.text(key, arguments));
        out.flush();
    }

    /** Writes one line of operator text from the bundle to standard error. */
    public void warn(String key, Object... arguments) {
        err.println(messages.text(key, arguments));
        err.flush();
    }
}
