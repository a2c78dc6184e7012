package id.kypso.provisioning.cli;

/**
 * The exit codes of every provisioning command, documented in the operator guide so scripts can
 * branch on them.
 */
public enum ExitCode {
    /** The command did what it was asked. */
    OK(0),
    /** A bug or an unexpected failure; the message names the exception. */
    INTERNAL(1),
    /** The command line is wrong: unknown option, missing option or value. */
    USAGE(2),
    /** A value or an input file is invalid: NIK, NIP, office id, CSV row, PIN. */
    INVALID_INPUT(3),
    /** A local file or folder is missing, unreadable, or would be overwritten. */
    FILE_PROBLEM(4),
    /** The aggregator could not be reached: network, DNS, TLS or timeout. */
    AGGREGATOR_UNREACHABLE(5),
    /** The aggregator responded but rejected the request (token, key, validation). */
    AGGREGATOR_REJECTED(6),
    /** A self-test ran and at least one check failed. */
    CHECK_FAILED(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
