package id.kypso.agent.sync;

import id.kypso.core.config.BundleStore;
import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KeyRings;
import id.kypso.core.identity.OfficeId;
import id.kypso.core.store.KioskState;
import id.kypso.core.sync.ConfigBundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the config bundle with its ETag and installs it only after validation. An invalid
 * bundle leaves the last good one in place and is reported; its ETag is not stored, so the next
 * pull fetches it again and picks up the aggregator's fix.
 */
public final class ConfigPuller {
    private static final Logger log = LoggerFactory.getLogger(ConfigPuller.class);

    private final AggregatorClient client;
    private final BundleStore store;
    private final KioskState state;
    private final OfficeId office;

    public ConfigPuller(AggregatorClient client, BundleStore store, KioskState state,
            OfficeId office) {
        this.client = client;
        this.store = store;
        this.state = state;
        this.office = office;
    }

    /** Pulls once; transport and server failures are thrown, invalid bundles returned. */
    public ConfigResult pull() throws SyncException {
        String installedEtag = Files.isRegularFile(store.file())
                ? state.get(KioskState.CONFIG_ETAG).orElse(null) : null;
        AggregatorClient.ConfigResponse response = client.fetchConfig(installedEtag);
        if (response.notModified()) {
            return new ConfigResult(ConfigResult.Outcome.UNCHANGED, installedEtag, null);
        }

        ConfigBundle bundle;
        try {
            bundle = validate(response.body());
        } catch (ConfigException e) {
            log.error("Config bundle with ETag {} is invalid; keeping the installed one"
                    + " (ETag {}): {}", response.etag(), installedEtag, e.getMessage());
            return new ConfigResult(ConfigResult.Outcome.INVALID, installedEtag, e.getMessage());
        }

        try {
            store.install(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install config bundle into "
                    + store.file() + ": " + e.getMessage(), e);
        }
        if (response.etag() != null) {
            state.put(KioskState.CONFIG_ETAG, response.etag());
        }
        log.info("Installed config bundle with ETag {} for office {}: {} officers, survey {}"
                + " version {}", response.etag(), bundle.officeId(), bundle.roster().size(),
                bundle.survey().id(), bundle.survey().version());
        return new ConfigResult(ConfigResult.Outcome.INSTALLED, response.etag(), null);
    }

    private ConfigBundle validate(byte[] body) throws ConfigException {
        ConfigBundle bundle = store.parse(body);
        if (!office.toString().equals(bundle.officeId())) {
            throw new ConfigException("config bundle is for office " + bundle.officeId()
                    + ", but this kiosk belongs to office " + office);
        }
        try {
            KeyRings.offices(bundle);
            KeyRings.kiosks(bundle);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config bundle has an invalid key: " + e.getMessage(), e);
        }
        for (ConfigBundle.RosterOfficer officer : bundle.roster()) {
            if (officer.nip() == null || officer.name() == null || officer.name().isBlank()) {
                throw new ConfigException("config bundle roster has an officer without NIP or"
                        + " name: " + officer.nip());
            }
            if (officer.photo() != null) {
                try {
                    Base64.getDecoder().decode(officer.photo());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException("config bundle photo of officer " + officer.nip()
                            + " is not base64", e);
                }
            }
        }
        return bundle;
    }
}
