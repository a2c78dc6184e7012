package id.kypso.kiosk.session;

import id.kypso.core.codec.MapKeyRing;
import id.kypso.core.codec.PayloadException;
import id.kypso.core.config.KeyRings;
import id.kypso.core.config.KioskIdentity;
import id.kypso.core.crypto.NikDigest;
import id.kypso.core.identity.MaskedNik;
import id.kypso.core.identity.Nip;
import id.kypso.core.slip.RegistrationSlip;
import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.SlipCodec;
import id.kypso.core.slip.StageOfficer;
import id.kypso.core.store.RegistrationBook;
import id.kypso.core.store.StoreException;
import id.kypso.core.store.SurveyLedger;
import id.kypso.core.store.SurveyLedger.AlreadySurveyedException;
import id.kypso.core.store.SurveyLedger.IssuedTicket;
import id.kypso.core.survey.Complaint;
import id.kypso.core.survey.ComplaintCategory;
import id.kypso.core.survey.OfficerRating;
import id.kypso.core.survey.Question;
import id.kypso.core.survey.SurveyDefinition;
import id.kypso.core.survey.SurveyResponse;
import id.kypso.core.sync.ConfigBundle;
import id.kypso.core.sync.ConfigBundle.RosterOfficer;
import id.kypso.core.ticket.Ticket;
import id.kypso.core.ticket.TicketCodec;
import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.printer.TicketPrint;
import id.kypso.kiosk.printer.TicketPrinter;
import id.kypso.kiosk.session.Completion.TicketReceipt;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One citizen's visit to the kiosk, without any user interface: scan a slip, answer the survey
 * questions about each officer, complete to store the response and print the signed ticket,
 * then reset for the next person.
 *
 * <p>The session is not thread-safe; the user interface calls it from one background thread.
 * A rejected scan or completion stores nothing. {@link #reset} drops every reference to the
 * citizen's slip, answers, comments and complaints.
 */
public final class CitizenSession {
    /** The longest comment or complaint text kept, in characters. */
    public static final int MAX_TEXT_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(CitizenSession.class);
    private static final MaskedNik UNKNOWN_NIK = new MaskedNik("0000", "0000");
    private static final Nip PLACEHOLDER_NIP = Nip.parse("197001012000011001");

    private final KioskIdentity identity;
    private final Supplier<Optional<ConfigBundle>> config;
    private final SurveyLedger ledger;
    private final TicketPrinter printer;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final RegistrationBook registrations;

    private ConfigBundle keysFrom;
    private MapKeyRing officeKeys;
    private volatile boolean outOfService;

    private String language = SurveyDefinition.PRIMARY_LANGUAGE;
    private Visit visit;

    /**
     * @param config the installed config bundle, read on every scan so a reload takes effect
     *     for the next citizen; empty when none is installed yet
     * @param ids response ids, time-ordered UUIDs in production
     */
    public CitizenSession(KioskIdentity identity, Supplier<Optional<ConfigBundle>> config,
            SurveyLedger ledger, TicketPrinter printer, Clock clock, Supplier<UUID> ids) {
        this(identity, config, ledger, null, printer, clock, ids);
    }

    /**
     * @param registrations the registration slips the agent syncs, where a keyed-in slip
     *     number is looked up; null when there are none
     */
    public CitizenSession(KioskIdentity identity, Supplier<Optional<ConfigBundle>> config,
            SurveyLedger ledger, RegistrationBook registrations, TicketPrinter printer,
            Clock clock, Supplier<UUID> ids) {
        this.identity = identity;
        this.registrations = registrations;
        this.config = config;
        this.ledger = ledger;
        this.printer = printer;
        this.clock = clock;
        this.ids = ids;
    }

    /** Sets the language of questions, the stored response and the printed ticket. */
    public void language(String languageCode) {
        this.language = languageCode;
    }

    public String language() {
        return language;
    }

    /** Returns whether a survey is open (between an accepted scan and complete or reset). */
    public boolean isOpen() {
        return visit != null;
    }

    /**
     * Returns whether the kiosk stopped taking surveys because its disk is full. Only
     * {@link #returnToService} clears it, from maintenance mode.
     */
    public boolean isOutOfService() {
        return outOfService;
    }

    public void returnToService() {
        outOfService = false;
        log.info("Kiosk returned to service");
    }

    /**
     * Checks a scanned slip and opens the survey. A scan while a survey is open is rejected
     * with an {@link IllegalStateException}; the caller resets first.
     */
    public ScanResult scan(String text) {
        requireClosed();
        Optional<ConfigBundle> bundle = availableConfig();
        if (bundle.isEmpty()) {
            return new ScanResult.Rejected(Refusal.OUT_OF_SERVICE);
        }

        RegistrationSlip slip;
        try {
            slip = SlipCodec.decode(text, officeKeys(bundle.get()));
        } catch (PayloadException e) {
            Refusal refusal = refusalFor(text, e);
            log.info("Slip scan rejected as {}: {}", refusal, e.getMessage());
            return new ScanResult.Rejected(refusal);
        }

        return scanned(slip, bundle.get());
    }

    private ScanResult scanned(RegistrationSlip slip, ConfigBundle bundle) {
        // The survey covers the officers up to perekaman, so it opens only after perekaman.
        boolean perekamanDone = slip.officers().stream()
                .anyMatch(officer -> officer.stage() == ServiceStage.PEREKAMAN);
        if (!perekamanDone) {
            log.info("Slip {} rejected: it names no perekaman officer", slip);
            return new ScanResult.Rejected(Refusal.PEREKAMAN_INCOMPLETE);
        }
        return open(slip, true, bundle);
    }

    /** Returns the synced slip of {@code number}, when there is one and it verifies now. */
    private Optional<RegistrationSlip> registeredSlip(String number, ConfigBundle bundle) {
        if (registrations == null) {
            return Optional.empty();
        }
        Optional<String> text;
        try {
            text = registrations.find(number);
        } catch (StoreException e) {
            log.error("Cannot look up a keyed-in slip number in the synced registrations", e);
            markOutOfServiceIfDiskFull(e);
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            RegistrationSlip slip = SlipCodec.decode(text.get(), officeKeys(bundle));
            if (slip.registrationNumber().equals(number)
                    && slip.office().equals(identity.kioskId().office())) {
                return Optional.of(slip);
            }
            log.warn("Synced registration {} does not match the number it is filed under", slip);
        } catch (PayloadException e) {
            log.warn("Synced registration slip does not verify ({}); taking the survey"
                    + " unverified", e.getMessage());
        }
        return Optional.empty();
    }

    /**
     * Opens the survey for a slip keyed in by hand. The registration number and its
     * {@link SlipCheck} must match. When the number is among the registrations the agent
     * synced and that slip verifies, the survey opens as if the slip had been scanned:
     * verified, with its officers. Otherwise it is marked unverified and the citizen picks the
     * officers from the roster ({@link #rosterOfficers}, {@link #chooseOfficers}).
     */
    public ScanResult enterManually(String registrationNumber, String check) {
        requireClosed();
        Optional<ConfigBundle> bundle = availableConfig();
        if (bundle.isEmpty()) {
            return new ScanResult.Rejected(Refusal.OUT_OF_SERVICE);
        }
        String number = registrationNumber == null ? "" : registrationNumber.strip()
                .toUpperCase(Locale.ROOT);
        if (!RegistrationSlip.isValidRegistrationNumber(number)
                || !SlipCheck.matches(identity.kioskId().office(), number, check)) {
            log.info("Keyed-in slip number rejected: number or check does not match");
            return new ScanResult.Rejected(Refusal.MANUAL_ENTRY_INVALID);
        }

        Optional<RegistrationSlip> registered = registeredSlip(number, bundle.get());
        if (registered.isPresent()) {
            log.info("Keyed-in slip {} found in the synced registrations", registered.get());
            return scanned(registered.get(), bundle.get());
        }

        // Not synced yet, or the agent could not reach the aggregator: the survey is still
        // taken, unverified. The placeholder officer only completes the record. The slip serves
        // as a lookup key until the citizen picks the real officers, which replace it.
        log.info("Keyed-in slip number not among the synced registrations: unverified survey");
        RegistrationSlip placeholder = new RegistrationSlip(identity.kioskId().office(), number,
                clock.instant(), UNKNOWN_NIK, new byte[NikDigest.LENGTH],
                List.of(new StageOfficer(ServiceStage.PEREKAMAN, PLACEHOLDER_NIP)), 0);
        return open(placeholder, false, bundle.get());
    }

    /** Returns the roster officers a citizen can pick from after keying in a slip. */
    public List<OfficerCard> rosterOfficers() {
        Optional<ConfigBundle> bundle = config.get();
        if (bundle.isEmpty()) {
            return List.of();
        }
        List<OfficerCard> cards = new ArrayList<>();
        for (RosterOfficer officer : bundle.get().roster()) {
            Optional<ServiceStage> stage = parseStage(officer.stage());
            if (stage.isPresent() && isValidNip(officer.nip())) {
                cards.add(card(officer.nip(), stage.get(), bundle.get()));
            }
        }
        return cards;
    }

    /** Sets the officers of a keyed-in survey, as NIPs from {@link #rosterOfficers}. */
    public List<OfficerCard> chooseOfficers(List<String> nips) {
        Visit current = requireOpen();
        if (current.verified) {
            throw new IllegalStateException("officers come from the slip of a scanned survey");
        }
        if (nips.isEmpty() || nips.size() > RegistrationSlip.MAX_OFFICERS) {
            throw new IllegalArgumentException("choose 1-" + RegistrationSlip.MAX_OFFICERS
                    + " officers, got " + nips.size());
        }
        List<OfficerCard> roster = rosterOfficers();
        List<OfficerCard> chosen = new ArrayList<>();
        for (String nip : nips) {
            chosen.add(roster.stream().filter(card -> card.nip().equals(nip)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("NIP " + nip
                            + " is not on the roster")));
        }
        current.setOfficers(chosen, clock.instant());
        return List.copyOf(chosen);
    }

    /** Returns the officers of the open survey, in slip order. */
    public List<OfficerCard> officers() {
        return List.copyOf(requireOpen().cards);
    }

    /** Returns the questions asked about each officer, from the installed survey definition. */
    public List<Question> questions() {
        return requireOpen().survey.questions();
    }

    /** Returns the four answer labels (1 to 4) in the current language. */
    public List<String> scaleLabels() {
        SurveyDefinition survey = requireOpen().survey;
        return survey.scaleLabels().getOrDefault(language,
                survey.scaleLabels().get(SurveyDefinition.PRIMARY_LANGUAGE));
    }

    /** Records an answer (1 to 4) to one question about one officer, replacing an earlier one. */
    public void answer(int officerIndex, String questionId, int value) {
        Visit current = requireOpen();
        if (value < SurveyDefinition.SCALE_MIN || value > SurveyDefinition.SCALE_MAX) {
            throw new IllegalArgumentException("answer must be 1-4: " + value);
        }
        current.survey.question(questionId);
        OfficerAnswers answers = current.answers(officerIndex);
        answers.served = true;
        answers.values.put(questionId, value);
    }

    /** Returns the answer given so far, or 0 when the question is not answered yet. */
    public int answerOf(int officerIndex, String questionId) {
        return requireOpen().answers(officerIndex).values.getOrDefault(questionId, 0);
    }

    /**
     * Records that this officer did not serve the citizen, dropping any answers about them. A
     * later {@link #answer} marks the officer as served again.
     */
    public void notServed(int officerIndex) {
        OfficerAnswers answers = requireOpen().answers(officerIndex);
        answers.served = false;
        answers.values.clear();
    }

    public boolean isServed(int officerIndex) {
        return requireOpen().answers(officerIndex).served;
    }

    /** Sets the optional comment about one officer; blank removes it. */
    public void comment(int officerIndex, String text) {
        requireOpen().answers(officerIndex).comment = clean(text);
    }

    public String commentOf(int officerIndex) {
        String comment = requireOpen().answers(officerIndex).comment;
        return comment == null ? "" : comment;
    }

    /**
     * Reports maladministration, stored as a {@link Complaint} in the response.
     *
     * @param officerIndex the officer concerned, or -1 for the office as a whole
     */
    public void complain(int officerIndex, ComplaintCategory category, String text) {
        Visit current = requireOpen();
        String nip = officerIndex < 0 ? null : current.cards.get(officerIndex).nip();
        current.complaints.add(new Complaint(nip, category, clean(text)));
    }

    public List<Complaint> complaints() {
        return List.copyOf(requireOpen().complaints);
    }

    /** Returns whether every served officer has an answer to every question. */
    public boolean isComplete() {
        Visit current = requireOpen();
        if (current.cards.isEmpty()) {
            return false;
        }
        for (OfficerAnswers answers : current.answers) {
            if (answers.served && answers.values.size() != current.survey.questions().size()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stores the response, issues and signs the ticket, and prints it. A printer fault does not
     * undo the survey: the ticket is marked as failed so maintenance mode can reprint it.
     *
     * @throws IllegalStateException when no survey is open or a question is unanswered
     */
    public Completion complete() {
        Visit current = requireOpen();
        if (!isComplete()) {
            throw new IllegalStateException("survey has unanswered questions");
        }
        SurveyResponse response = current.response(ids.get(), identity, clock.instant(),
                language);

        IssuedTicket issued;
        try {
            issued = ledger.complete(current.slip, response, identity.kioskId(),
                    identity.keyVersion(),
                    ticket -> TicketCodec.encode(ticket, identity.privateKey()));
        } catch (AlreadySurveyedException e) {
            log.info("Survey not stored: {}", e.getMessage());
            visit = null;
            return new Completion.Rejected(Refusal.ALREADY_SURVEYED);
        } catch (StoreException e) {
            log.error("Survey for slip {} not stored: {}", current.slip, e.getMessage(), e);
            markOutOfServiceIfDiskFull(e);
            visit = null;
            return new Completion.Rejected(Refusal.OUT_OF_SERVICE);
        }
        Ticket ticket = issued.ticket();
        log.info("Survey stored, ticket {} issued", ticket.ticketId());

        TicketReceipt receipt = new TicketReceipt(ticket.ticketId(), ticket.serial(),
                ticket.shortCode(), ticket.registrationNumber(), ticket.maskedNik().toString(),
                ticket.issuedAt().atZone(clock.getZone()), issued.payload());
        PrintResult print = print(receipt, current);
        visit = null;
        return new Completion.Issued(receipt, print);
    }

    /** Closes the open survey, if any, and drops everything the citizen entered. */
    public void reset() {
        if (visit != null) {
            visit.wipe();
            visit = null;
        }
        language = SurveyDefinition.PRIMARY_LANGUAGE;
    }

    /** Prints a ticket again from its stored payload, for maintenance mode. */
    public PrintResult reprint(TicketReceipt receipt, List<String> lines) {
        TicketPrint ticketPrint = new TicketPrint(officeName(), identity.kioskId().toString(),
                receipt.shortCode(), receipt.registrationNumber(), receipt.maskedNik(),
                receipt.issuedAt(), receipt.qrPayload(), lines);
        PrintResult result = printSafely(ticketPrint);
        recordPrint(receipt.serial(), result);
        return result;
    }

    private PrintResult print(TicketReceipt receipt, Visit current) {
        Messages messages = Messages.of(language);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < current.cards.size(); i++) {
            OfficerCard card = current.cards.get(i);
            String name = card.name() == null ? card.nip() : card.name();
            lines.add(messages.get("stage." + card.stage().name()) + ": " + name);
        }
        if (!current.verified) {
            lines.add(messages.get("ticket.unverified"));
        }
        return reprint(receipt, lines);
    }

    private PrintResult printSafely(TicketPrint ticketPrint) {
        try {
            return printer.print(ticketPrint);
        } catch (RuntimeException e) {
            log.error("Printer threw while printing ticket {}", ticketPrint.shortCode(), e);
            return new PrintResult.Failed(PrinterFault.IO_ERROR, String.valueOf(e.getMessage()));
        }
    }

    private void recordPrint(long serial, PrintResult result) {
        try {
            if (result instanceof PrintResult.Failed failed) {
                log.warn("Ticket serial {} not printed: {} {}", serial, failed.fault(),
                        failed.reason());
                ledger.markPrintFailed(serial, failed.fault() + ": " + failed.reason());
            } else {
                ledger.markPrinted(serial);
            }
        } catch (StoreException e) {
            log.error("Print state of ticket serial {} not stored", serial, e);
            markOutOfServiceIfDiskFull(e);
        }
    }

    private ScanResult open(RegistrationSlip slip, boolean verified, ConfigBundle bundle) {
        try {
            if (ledger.isSurveyed(slip)) {
                log.info("Slip {} rejected: already surveyed", slip);
                return new ScanResult.Rejected(Refusal.ALREADY_SURVEYED);
            }
        } catch (StoreException e) {
            log.error("Cannot check whether slip {} was surveyed", slip, e);
            markOutOfServiceIfDiskFull(e);
            return new ScanResult.Rejected(Refusal.OUT_OF_SERVICE);
        }
        Visit opened = new Visit(slip, verified, bundle.survey());
        if (verified) {
            List<OfficerCard> cards = new ArrayList<>();
            for (StageOfficer officer : slip.officers()) {
                cards.add(card(officer.nip().toString(), officer.stage(), bundle));
            }
            opened.cards.addAll(cards);
            opened.answers.addAll(cards.stream().map(card -> new OfficerAnswers()).toList());
        }
        visit = opened;
        log.info("Survey opened for slip {} ({} officers, verified {})", slip,
                opened.cards.size(), verified);
        return new ScanResult.Accepted(slip.registrationNumber(), verified, opened.cards);
    }

    private Optional<ConfigBundle> availableConfig() {
        if (outOfService) {
            return Optional.empty();
        }
        Optional<ConfigBundle> bundle = config.get();
        if (bundle.isEmpty()) {
            log.warn("No config bundle installed: the kiosk cannot check slips until the agent"
                    + " installs one");
        }
        return bundle;
    }

    private MapKeyRing officeKeys(ConfigBundle bundle) {
        if (bundle != keysFrom) {
            officeKeys = KeyRings.offices(bundle);
            keysFrom = bundle;
        }
        return officeKeys;
    }

    private static Refusal refusalFor(String text, PayloadException e) {
        return switch (e.reason()) {
            case WRONG_KIND -> Refusal.TICKET_SCANNED;
            case UNKNOWN_SIGNER -> Refusal.OTHER_OFFICE;
            case BAD_SIGNATURE, REVOKED_SIGNER -> Refusal.FORGED;
            case UNSUPPORTED_VERSION -> Refusal.UNREADABLE;
            case MALFORMED -> looksLikeKypso(text) ? Refusal.UNREADABLE : Refusal.NOT_A_SLIP;
        };
    }

    private static boolean looksLikeKypso(String text) {
        return text != null && text.strip().startsWith("KS");
    }

    private OfficerCard card(String nip, ServiceStage stage, ConfigBundle bundle) {
        for (RosterOfficer officer : bundle.roster()) {
            if (nip.equals(officer.nip())) {
                return new OfficerCard(nip, officer.name(), stage, decodePhoto(officer));
            }
        }
        return new OfficerCard(nip, null, stage, null);
    }

    private static byte[] decodePhoto(RosterOfficer officer) {
        if (officer.photo() == null || officer.photo().isBlank()) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(officer.photo());
        } catch (IllegalArgumentException e) {
            log.warn("Roster photo of NIP {} is not valid base64; showing no photo",
                    officer.nip());
            return null;
        }
    }

    private String officeName() {
        return config.get().map(ConfigBundle::officeName)
                .orElse(identity.kioskId().office().toString());
    }

    private void markOutOfServiceIfDiskFull(StoreException e) {
        if (e.isDiskFull()) {
            outOfService = true;
            log.error("Kiosk out of service: the disk is full; free space, then return to"
                    + " service from maintenance mode");
        }
    }

    private void requireClosed() {
        if (visit != null) {
            throw new IllegalStateException("a survey is open; reset it first");
        }
    }

    private Visit requireOpen() {
        if (visit == null) {
            throw new IllegalStateException("no survey is open");
        }
        return visit;
    }

    private static Optional<ServiceStage> parseStage(String stage) {
        try {
            return Optional.of(ServiceStage.valueOf(stage));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private static boolean isValidNip(String nip) {
        try {
            Nip.parse(nip);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > MAX_TEXT_LENGTH
                ? stripped.substring(0, MAX_TEXT_LENGTH) : stripped;
    }

    /** Everything one citizen entered; dropped whole on reset or completion. */
    private static final class Visit {
        final RegistrationSlip slip0;
        RegistrationSlip slip;
        final boolean verified;
        final SurveyDefinition survey;
        final List<OfficerCard> cards = new ArrayList<>();
        final List<OfficerAnswers> answers = new ArrayList<>();
        final List<Complaint> complaints = new ArrayList<>();

        Visit(RegistrationSlip slip, boolean verified, SurveyDefinition survey) {
            this.slip0 = slip;
            this.slip = slip;
            this.verified = verified;
            this.survey = survey;
        }

        OfficerAnswers answers(int officerIndex) {
            if (officerIndex < 0 || officerIndex >= answers.size()) {
                throw new IndexOutOfBoundsException("officer index " + officerIndex
                        + " is outside 0-" + (answers.size() - 1));
            }
            return answers.get(officerIndex);
        }

        // NOTE: a keyed-in slip missing from the synced registrations has no perekaman time,
        // so the ledger's ticket-issued record carries the survey time in its place.
        void setOfficers(List<OfficerCard> chosen, Instant now) {
            cards.clear();
            answers.clear();
            cards.addAll(chosen);
            chosen.forEach(card -> answers.add(new OfficerAnswers()));
            slip = new RegistrationSlip(slip0.office(), slip0.registrationNumber(), now,
                    slip0.maskedNik(), slip0.nikDigest(), chosen.stream()
                            .map(card -> new StageOfficer(card.stage(), Nip.parse(card.nip())))
                            .toList(), 0);
        }

        SurveyResponse response(UUID responseId, KioskIdentity identity, Instant now,
                String language) {
            List<OfficerRating> ratings = new ArrayList<>();
            for (int i = 0; i < cards.size(); i++) {
                OfficerAnswers officer = answers.get(i);
                ratings.add(new OfficerRating(cards.get(i).nip(), cards.get(i).stage().name(),
                        officer.served, officer.served ? officer.values : Map.of(),
                        officer.comment));
            }
            Instant perekamanHour = verified
                    ? slip.perekamanAt().truncatedTo(ChronoUnit.HOURS) : null;
            return new SurveyResponse(responseId, identity.kioskId().toString(),
                    slip.office().toString(), survey.id(), survey.version(), verified,
                    now.truncatedTo(ChronoUnit.HOURS), perekamanHour, language, ratings,
                    complaints);
        }

        void wipe() {
            answers.forEach(OfficerAnswers::wipe);
            answers.clear();
            cards.clear();
            complaints.clear();
        }
    }

    /** The answers about one officer. */
    private static final class OfficerAnswers {
        final Map<String, Integer> values = new LinkedHashMap<>();
        boolean served = true;
        String comment;

        void wipe() {
            values.clear();
            comment = null;
        }
    }
}
