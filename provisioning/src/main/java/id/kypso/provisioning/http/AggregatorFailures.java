package id.kypso.provisioning.http;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;

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
            return new CliFailure(ExitCode.AGGREGATOR_UNREACHABLE, e, "aggregator.unreachable",
                    e.url(), e.detail());
        }
        return new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, rejectedKey, e.url(), e.status(),
                e.detail());
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
