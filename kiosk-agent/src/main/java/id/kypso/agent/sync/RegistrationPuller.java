package id.kypso.agent.sync;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.config.BundleStore;
import id.kypso.core.config.ConfigException;
import id.kypso.core.config.KeyRings;
import id.kypso.core.identity.OfficeId;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.store.KioskState;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.RegistrationList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the office's recent registration slips and installs those that verify under the
 * installed bundle's office keys. The first pull, and each pull after the config changed,
 * fetches the whole list and replaces the kiosk's set. The others fetch only what the
 * aggregator received since the previous pull, and add it. A slip that does not verify is left
 * out and counted, never installed.
 */
public final class RegistrationPuller {
    private static final Logger log = LoggerFactory.getLogger(RegistrationPuller.class);

    private final AggregatorClient client;
    private final BundleStore bundles;
    private final RegistrationBook book;
    private final KioskState state;
    private final OfficeId office;

    public RegistrationPuller(AggregatorClient client, BundleStore bundles,
            RegistrationBook book, KioskState state, OfficeId office) {
        this.client = client;
        this.bundles = bundles;
        this.book = book;
        this.state = state;
        this.office = office;
    }

    /**
     * The outcome of one pull.
     *
     * @param fetched slips the aggregator sent
     * @param installed slips now in the book
     * @param skipped slips of the fetched list that did not verify
     * @param problem why the fetched list was not installed at all, or null
     */
    public record Result(int fetched, int installed, int skipped, String problem) {
    }

    /** Pulls once; transport and server failures are thrown. */
    public Result pull() throws SyncException {
        Optional<ConfigBundle> bundle;
        try {
            bundle = bundles.load();
        } catch (ConfigException e) {
            bundle = Optional.empty();
        }
        if (bundle.isEmpty()) {
            // Without office keys nothing could be verified; wait for a good bundle.
            return new Result(0, book.count(), 0, null);
        }
        // New office keys may verify slips left out before, so a new config means a full pull.
        String configEtag = state.get(KioskState.CONFIG_ETAG).orElse("");
        boolean sameConfig = configEtag.equals(
                state.get(KioskState.REGISTRATIONS_CHECKED_WITH).orElse(null));
        Instant since = sameConfig ? state.get(KioskState.REGISTRATIONS_AS_OF)
                .map(Instant::parse).orElse(null) : null;
        RegistrationList list = client.fetchRegistrations(since);
        if (!office.toString().equals(list.officeId())) {
            String problem = "registration list is for office " + list.officeId()
                    + ", but this kiosk belongs to office " + office;
            log.error("Registration list as of {} not installed: {}", list.asOf(), problem);
            return new Result(list.slips().size(), book.count(), 0, problem);
        }

        MapKeyRing keys = KeyRings.offices(bundle.get());
        List<RegistrationBook.Entry> entries = new ArrayList<>();
        int skipped = 0;
        for (String text : list.slips()) {
            try {
                RegistrationSlip slip = SlipCodec.decode(text, keys);
                if (!slip.office().equals(office)) {
                    throw new PayloadException(PayloadException.Reason.UNKNOWN_SIGNER,
                            "slip of office " + slip.office());
                }
                entries.add(new RegistrationBook.Entry(slip.registrationNumber(), text,
                        slip.perekamanAt()));
            } catch (PayloadException | RuntimeException e) {
                skipped++;
                log.warn("Registration slip left out: {}", e.getMessage());
            }
        }
        if (list.complete()) {
            book.replaceAll(entries);
        } else {
            book.addAll(entries);
            book.deleteOlderThan(list.asOf().minus(Duration.ofDays(list.days())));
        }
        state.put(KioskState.REGISTRATIONS_AS_OF, list.asOf().toString());
        state.put(KioskState.REGISTRATIONS_CHECKED_WITH, configEtag);
        int installed = book.count();
        if (!entries.isEmpty() || skipped > 0 || list.complete()) {
            log.info("Registration pull for office {} ({}): {} slips installed, {} left out,"
                    + " {} in the book", office, list.complete() ? "whole list" : "since " + since,
                    entries.size(), skipped, installed);
        }
        return new Result(list.slips().size(), installed, skipped, null);
    }
}
