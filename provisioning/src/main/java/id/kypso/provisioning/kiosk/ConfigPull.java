package id.kypso.provisioning.kiosk;

import id.kypso.core.config.BundleStore;
import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.provisioning.cli.CliFailure;
import id.kypso.provisioning.cli.ExitCode;
import id.kypso.provisioning.http.AggregatorClient;
import id.kypso.provisioning.http.AggregatorException;
import id.kypso.provisioning.http.AggregatorFailures;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the kiosk's config bundle with a signed {@code GET /api/v1/config}, validates it and
 * installs it atomically as {@code config/bundle.json}, as the agent does later on its own.
 */
final class ConfigPull {
    private static final Logger log = LoggerFactory.getLogger(ConfigPull.class);

    private ConfigPull() {
    }

    static ConfigBundle pullAndInstall(AggregatorClient client, KioskIdentity identity,
            Path dataDir) throws CliFailure {
        AggregatorClient.SignedAnswer answer;
        try {
            answer = client.signed(identity, "GET", "/api/v1/config", null);
        } catch (AggregatorException e) {
            throw AggregatorFailures.of(e, "config.rejected");
        }
        BundleStore store = new BundleStore(dataDir);
        ConfigBundle bundle;
        try {
            bundle = store.parse(answer.body());
        } catch (ConfigException e) {
            throw new CliFailure(ExitCode.AGGREGATOR_REJECTED, e, "config.invalid",
                    client.baseUrl(), e.getMessage());
        }
        try {
            store.install(bundle);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FILE_PROBLEM, e, "file.write", store.file(),
                    e.getMessage());
        }
        log.info("Installed config for kiosk {}: office {}, {} officers, survey {} v{}",
                identity.kioskId(), bundle.officeId(), bundle.roster().size(),
                bundle.survey().id(), bundle.survey().version());
        return bundle;
    }
}
