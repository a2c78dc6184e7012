package id.kypso.provisioning.cli;

import java.util.Arrays;

/**
 * A failure the operator can act on. The bundle key names two texts, {@code <key>.problem} (what
 * went wrong) and {@code <key>.remedy} (what to do), both formatted with {@link #arguments()}.
 * Arguments must never carry a full NIK, a private key, a PIN or an admin token.
 */
public final class CliFailure extends Exception {
    private final ExitCode exitCode;
    private final String key;
    private final Object[] arguments;

    public CliFailure(ExitCode exitCode, String key, Object... arguments) {
        super(key + " " + Arrays.toString(arguments));
        this.exitCode = exitCode;
        this.key = key;
        this.arguments = arguments.clone();
    }

    public CliFailure(ExitCode exitCode, Throwable cause, String key, Object... arguments) {
        this(exitCode, key, arguments);
        initCause(cause);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
