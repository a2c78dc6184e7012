package id.kypso.provisioning.http;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns aggregator errors into failures the operator can act on. */
public final class AggregatorFailures {

    private AggregatorFailures() {
    }

    /**
     * Maps {@code e} to a failure: unreachable, admin token rejected (401/403), or
     * {@code rejectedKey} for any other error status. Texts get the URL, status and detail as
     * arguments 0, 1 and 2.
     */
    public static CliFailure of(AggregatorException e, String rejectedKey) {
        if (e.unreachable()) {
            return new CliFailure(ExitCode.AGGREGATOR_UNREACHABLE, e, unreachableKey(e),
                    e.url(), e.detail());
        }
        return new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, rejectedKey, e.url(), e.status(),
                e.detail());
    }

    // Each known cause gets its own translated message and fix. The English exception text
    // stays in the log, and in the generic message for other causes.
    private static String unreachableKey(AggregatorException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException) {
            return "aggregator.refused";
        }
        if (cause instanceof UnknownHostException) {
            return "aggregator.unknownHost";
        }
        if (cause instanceof SSLException) {
            return "aggregator.tls";
        }
        if (cause instanceof InterruptedIOException) {
            return "aggregator.timedOut";
        }
        return "aggregator.unreachable";
    }

    /** Like {@link #of(AggregatorException, String)}, with 401/403 meaning a bad admin token. */
    public static CliFailure ofAdmin(AggregatorException e, String rejectedKey) {
        if (e.status() == 401 || e.status() == 403) {
            return new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, "admin.unauthorized",
                    e.url(), e.status(), e.detail());
        }
        return of(e, rejectedKey);
    }
}
