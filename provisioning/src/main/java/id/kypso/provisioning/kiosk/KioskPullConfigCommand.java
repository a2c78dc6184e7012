package id.kypso.provisioning.kiosk;

import id.kypso.core.config.KioskIdentity;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.Context;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiosk pull-config}: downloads and installs the kiosk config now. */
@Command(name = "pull-config", mixinStandardHelpOptions = true)
final class KioskPullConfigCommand implements Callable<Integer> {
    private final Context context;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR")
    Path dataDir;

    KioskPullConfigCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliFailure {
        KioskIdentity identity = KioskFolder.identity(dataDir);
        ConfigBundle bundle = ConfigPull.pullAndInstall(client(context, identity), identity,
                dataDir);
        context.say("config.installed", bundle.officeName(), bundle.roster().size(),
                bundle.survey().id(), bundle.survey().version());
        return 0;
    }

    /** Returns a client for the aggregator in kiosk.properties. */
    static AggregatorClient client(Context context, KioskIdentity identity) throws CliFailure {
        if (identity.aggregatorUrl().isBlank()) {
            throw new CliFailure(ExitCode.USAGE, "enroll.noUrl", identity.kioskId());
        }
        String url = KioskCreateCommand.normalizeUrl(identity.aggregatorUrl());
        return AggregatorClient.create(url, context.httpTimeout(), context.clock());
    }
}
