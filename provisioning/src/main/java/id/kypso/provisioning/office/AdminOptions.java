package id.kypso.provisioning.office;

import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import picocli.CommandLine.Option;

/** The aggregator URL and admin token shared by the office commands. */
final class AdminOptions {

    @Option(names = "--aggregator", required = true, paramLabel = "URL")
    String aggregator;

    @Option(names = "--admin-token", paramLabel = "TOKEN",
            defaultValue = "${env:KYPSO_ADMIN_TOKEN}")
    String adminToken;

    AggregatorClient client(Context context) throws CliFailure {
        try {
            return AggregatorClient.create(aggregator, context.httpTimeout(), context.clock());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.INVALID_INPUT, e, "aggregator.urlInvalid", aggregator);
        }
    }

    String token() throws CliFailure {
        if (adminToken == null || adminToken.isBlank()) {
            throw new CliFailure(ExitCode.USAGE, "admin.tokenMissing");
        }
        return adminToken.strip();
    }
}
