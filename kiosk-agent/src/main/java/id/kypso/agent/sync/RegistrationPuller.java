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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the office's recent registration slips with their ETag and installs those that verify
 * under the installed bundle's office keys, replacing the previous set in one transaction. A
 * slip that does not verify is left out and counted, never installed.
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
     * @param changed whether a new list was installed
     * @param installed slips now in the book
     * @param skipped slips of the fetched list that did not verify
     * @param problem why the fetched list was not installed at all, or null
     */
    public record Result(boolean changed, int installed, int skipped, String problem) {
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
            return new Result(false, book.count(), 0, null);
        }
        String etag = state.get(KioskState.REGISTRATIONS_ETAG).orElse(null);
        Optional<AggregatorClient.Fetched<RegistrationList>> fetched =
                client.fetchRegistrations(etag);
        if (fetched.isEmpty()) {
            return new Result(false, book.count(), 0, null);
        }
        RegistrationList list = fetched.get().body();
        if (!office.toString().equals(list.officeId())) {
            String problem = "registration list is for office " + list.officeId()
                    + ", but this kiosk belongs to office " + office;
            log.error("Registration list with ETag {} not installed: {}",
                    fetched.get().etag(), problem);
            return new Result(false, book.count(), 0, problem);
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
        book.replaceAll(entries);
        if (fetched.get().etag() != null) {
            state.put(KioskState.REGISTRATIONS_ETAG, fetched.get().etag());
        }
        log.info("Installed {} registration slips of office {} (ETag {}), left out {}",
                entries.size(), office, fetched.get().etag(), skipped);
        return new Result(true, entries.size(), skipped, null);
    }
}
