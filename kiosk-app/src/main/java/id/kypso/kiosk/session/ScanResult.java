package id.kypso.kiosk.session;

import java.util.List;

/** The outcome of {@link CitizenSession#scan} and {@link CitizenSession#enterManually}. */
public sealed interface ScanResult {

    /**
     * The survey is open. For a keyed-in slip the list is empty until the citizen picks the
     * officers with {@link CitizenSession#chooseOfficers}.
     */
    record Accepted(String registrationNumber, boolean verified, List<OfficerCard> officers)
            implements ScanResult {
        public Accepted {
            officers = List.copyOf(officers);
        }
    }

    /** Nothing was stored; the citizen sees the screen for {@code refusal}. */
    record Rejected(Refusal refusal) implements ScanResult {
    }
}
