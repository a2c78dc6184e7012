package id.kypso.kiosk.ui;

import id.kypso.core.survey.ComplaintCategory;
import id.kypso.core.survey.Question;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.Completion;
import id.kypso.kiosk.session.Messages;
import id.kypso.kiosk.session.OfficerCard;
import id.kypso.kiosk.session.Refusal;
import id.kypso.kiosk.session.ScanResult;
import id.kypso.kiosk.session.SlipCheck;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screen model of citizen mode. It lives on the JavaFX application thread; every call into
 * the {@link CitizenSession} (database, signing, printing) runs on the single background
 * executor, and its result comes back through {@link Platform#runLater}.
 *
 * <p>Each visit has an epoch number. A reset starts a new epoch, so a result that arrives for a
 * visit that has since timed out is dropped instead of showing one person's data to the next.
 */
public final class CitizenModel {
    private static final Logger log = LoggerFactory.getLogger(CitizenModel.class);
    private static final int MAX_NUMBER_LENGTH = 32;
    private static final javafx.util.Duration CHECKING_SCREEN_DELAY =
            javafx.util.Duration.millis(250);

    private final CitizenSession session;
    private final Executor background;
    private final Clock clock;
    private final Timeouts timeouts;

    private final ReadOnlyObjectWrapper<CitizenScreen> screen =
            new ReadOnlyObjectWrapper<>(CitizenScreen.WELCOME);
    private final ReadOnlyObjectWrapper<Messages> messages =
            new ReadOnlyObjectWrapper<>(Messages.of("id"));
    private final ReadOnlyBooleanWrapper highContrast = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper largeText = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Refusal> refusal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Completion.Issued> issued = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper officerIndex = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper questionIndex = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper countdown = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper manualNumber = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper manualCheck = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper editingCheck = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper commentDraft = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper reportOfficer = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    private List<OfficerCard> officers = List.of();
    private List<Image> photos = List.of();
    private List<Question> questions = List.of();
    private List<String> scaleLabels = List.of();
    private List<OfficerCard> roster = List.of();
    private List<Image> rosterPhotos = List.of();
    private final Set<Integer> chosenRoster = new LinkedHashSet<>();
    private final Map<Integer, Map<String, Integer>> answers = new HashMap<>();
    private final Set<Integer> notServed = new LinkedHashSet<>();
    private final Map<Integer, String> comments = new HashMap<>();

    private String defaultLanguage = "id";
    private volatile Instant lastScanAt;
    private int epoch;
    private boolean checking;
    private boolean configMissing;
    private Instant lastActivity;
    private Runnable maintenanceRequest = () -> { };

    /**
     * How long a screen may sit untouched before the kiosk resets, and how long the welcome
     * screen may before it goes to sleep ({@link Duration#ZERO}: never).
     */
    public record Timeouts(Duration idle, Duration warning, Duration result, Duration sleep) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(90),
                Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(300));

        public Timeouts {
            if (sleep.isNegative()) {
                throw new IllegalArgumentException("sleep time must not be negative: " + sleep);
            }
        }
    }

    public CitizenModel(CitizenSession session, Executor background, Clock clock,
            Timeouts timeouts) {
        this.session = session;
        this.background = background;
        this.clock = clock;
        this.timeouts = timeouts;
        this.lastActivity = clock.instant();
    }

    // --- Read-only state for the view ---

    public ReadOnlyObjectProperty<CitizenScreen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public CitizenScreen screen() {
        return screen.get();
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages.get();
    }

    public ReadOnlyBooleanProperty highContrastProperty() {
        return highContrast.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty largeTextProperty() {
        return largeText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Refusal> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Completion.Issued> issuedProperty() {
        return issued.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty officerIndexProperty() {
        return officerIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty questionIndexProperty() {
        return questionIndex.getReadOnlyProperty();
    }

    /** Seconds until the idle reset while the warning shows, otherwise -1. */
    public ReadOnlyIntegerProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** A short confirmation to show once, such as "report saved"; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty manualNumberProperty() {
        return manualNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty manualCheckProperty() {
        return manualCheck.getReadOnlyProperty();
    }

    /** True while the keypad types into the check code rather than the slip number. */
    public ReadOnlyBooleanProperty editingCheckProperty() {
        return editingCheck.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commentDraftProperty() {
        return commentDraft.getReadOnlyProperty();
    }

    /** The officer a report is about, or -1 for the office as a whole. */
    public ReadOnlyIntegerProperty reportOfficerProperty() {
        return reportOfficer.getReadOnlyProperty();
    }

    /** Counts changes that have no property of their own, such as the officers picked. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public List<OfficerCard> officers() {
        return officers;
    }

    /** Returns the decoded photo of an officer, or null when the roster has none. */
    public Image photo(int officer) {
        return photos.get(officer);
    }

    public List<Question> questions() {
        return questions;
    }

    public List<String> scaleLabels() {
        return scaleLabels;
    }

    public List<OfficerCard> roster() {
        return roster;
    }

    public Image rosterPhoto(int index) {
        return rosterPhotos.get(index);
    }

    public boolean isChosen(int rosterIndex) {
        return chosenRoster.contains(rosterIndex);
    }

    public boolean hasChosenOfficers() {
        return !chosenRoster.isEmpty();
    }

    /** Returns the answer (1-4) to the current question, or 0 when none was given. */
    public int currentAnswer() {
        if (questions.isEmpty() || officers.isEmpty()) {
            return 0;
        }
        return answers.getOrDefault(officerIndex.get(), Map.of())
                .getOrDefault(questions.get(questionIndex.get()).id(), 0);
    }

    public Question currentQuestion() {
        return questions.get(questionIndex.get());
    }

    public OfficerCard currentOfficer() {
        return officers.get(officerIndex.get());
    }

    // --- Commands ---

    /** Accepts a complete scan from any scanner source, on any thread. */
    public void onScan(String text) {
        if (Platform.isFxApplicationThread()) {
            scan(text);
        } else {
            Platform.runLater(() -> scan(text));
        }
    }

    /**
     * Tells the model whether a usable config bundle is installed, on any thread. Without one
     * the kiosk cannot check a slip, so the welcome screen gives way to "out of service" until
     * the agent installs a good bundle.
     */
    public void onConfigAvailable(boolean available) {
        Runnable apply = () -> {
            if (!available && !configMissing) {
                configMissing = true;
                log.warn("No usable config bundle installed: showing out of service");
                if (screen.get() == CitizenScreen.WELCOME
                        || screen.get() == CitizenScreen.ASLEEP) {
                    showRefusal(Refusal.OUT_OF_SERVICE);
                }
            } else if (available && configMissing) {
                configMissing = false;
                log.info("Config bundle installed: back in service");
                if (screen.get() == CitizenScreen.REFUSED
                        && refusal.get() == Refusal.OUT_OF_SERVICE) {
                    reset();
                }
            }
        };
        if (Platform.isFxApplicationThread()) {
            apply.run();
        } else {
            Platform.runLater(apply);
        }
    }

    /**
     * Shows the "slip unreadable" screen for a camera frame in which no QR code was found.
     * It may be called on any thread, and like a scan it is ignored while a survey is open.
     */
    public void onUnreadableFrame() {
        Runnable show = () -> {
            CitizenScreen current = screen.get();
            if (current == CitizenScreen.ASLEEP) {
                wake("a camera frame");
                current = CitizenScreen.WELCOME;
            }
            if (current == CitizenScreen.WELCOME || current == CitizenScreen.REFUSED
                    || current == CitizenScreen.DONE) {
                touch();
                showRefusal(Refusal.UNREADABLE);
            }
        };
        if (Platform.isFxApplicationThread()) {
            show.run();
        } else {
            Platform.runLater(show);
        }
    }

    /**
     * Checks a scanned slip; ignored while a survey is open or a check is running. A scan on
     * the sleeping screen wakes it and is checked as if it had come on the welcome screen.
     */
    public void scan(String text) {
        CitizenScreen current = screen.get();
        if (current == CitizenScreen.ASLEEP) {
            wake("a scan");
            current = CitizenScreen.WELCOME;
        }
        if (checking || (current != CitizenScreen.WELCOME && current != CitizenScreen.REFUSED
                && current != CitizenScreen.DONE && current != CitizenScreen.MANUAL_ENTRY)) {
            log.info("Scan ignored on screen {}", current);
            return;
        }
        touch();
        lastScanAt = clock.instant();
        String language = messages.get().language();
        checking = true;
        if (current == CitizenScreen.WELCOME) {
            // A check usually takes a few milliseconds. The checking screen appears only when
            // it takes longer, so the kiosk does not flash it or draw its spinner each time.
            int visit = epoch;
            PauseTransition delay = new PauseTransition(CHECKING_SCREEN_DELAY);
            delay.setOnFinished(event -> {
                if (checking && visit == epoch) {
                    screen.set(CitizenScreen.CHECKING);
                }
            });
            delay.play();
        } else {
            clearVisit();
            checking = true;
            screen.set(CitizenScreen.CHECKING);
        }
        int visit = epoch;
        background.execute(() -> {
            session.reset();
            session.language(language);
            ScanResult result = session.scan(text);
            Opened opened = result instanceof ScanResult.Accepted ? loadSurvey() : null;
            onFx(visit, () -> {
                checking = false;
                showScanResult(result, opened);
            });
        });
    }

    /** Opens the keypad for typing a slip number. */
    public void openManualEntry() {
        touch();
        manualNumber.set("");
        manualCheck.set("");
        editingCheck.set(false);
        screen.set(CitizenScreen.MANUAL_ENTRY);
    }

    /** Types one key of the manual-entry keypad into the field being edited. */
    public void typeManual(String key) {
        touch();
        ReadOnlyStringWrapper field = editingCheck.get() ? manualCheck : manualNumber;
        int limit = editingCheck.get() ? SlipCheck.DIGITS : MAX_NUMBER_LENGTH;
        if (field.get().length() < limit) {
            field.set(field.get() + key);
        }
    }

    public void deleteManual() {
        touch();
        ReadOnlyStringWrapper field = editingCheck.get() ? manualCheck : manualNumber;
        if (!field.get().isEmpty()) {
            field.set(field.get().substring(0, field.get().length() - 1));
        }
    }

    /** Switches the keypad between the slip number and the check code. */
    public void editCheck(boolean check) {
        touch();
        editingCheck.set(check);
    }

    public void submitManual() {
        touch();
        String number = manualNumber.get();
        String check = manualCheck.get();
        String language = messages.get().language();
        int visit = epoch;
        screen.set(CitizenScreen.CHECKING);
        background.execute(() -> {
            session.reset();
            session.language(language);
            ScanResult result = session.enterManually(number, check);
            if (result instanceof ScanResult.Accepted accepted && accepted.verified()) {
                // Found among the synced registrations: the slip's own officers, as a scan.
                Opened opened = loadSurvey();
                onFx(visit, () -> {
                    manualNumber.set("");
                    manualCheck.set("");
                    showScanResult(result, opened);
                });
                return;
            }
            List<OfficerCard> rosterCards = result instanceof ScanResult.Accepted
                    ? session.rosterOfficers() : List.of();
            List<Image> images = decode(rosterCards);
            onFx(visit, () -> {
                manualNumber.set("");
                manualCheck.set("");
                if (result instanceof ScanResult.Rejected rejected) {
                    showRefusal(rejected.refusal());
                } else if (rosterCards.isEmpty()) {
                    log.warn("Keyed-in slip cannot be surveyed: the roster is empty");
                    showRefusal(Refusal.OUT_OF_SERVICE);
                } else {
                    roster = rosterCards;
                    rosterPhotos = images;
                    chosenRoster.clear();
                    screen.set(CitizenScreen.PICK_OFFICERS);
                }
            });
        });
    }

    /** Selects or deselects a roster officer on the pick screen. */
    public void toggleRosterOfficer(int rosterIndex) {
        touch();
        if (!chosenRoster.remove(rosterIndex)) {
            chosenRoster.add(rosterIndex);
        }
        revision.set(revision.get() + 1);
    }

    public void confirmOfficers() {
        if (chosenRoster.isEmpty()) {
            return;
        }
        touch();
        List<String> nips = new ArrayList<>();
        for (int index : chosenRoster) {
            nips.add(roster.get(index).nip());
        }
        int visit = epoch;
        screen.set(CitizenScreen.CHECKING);
        background.execute(() -> {
            session.chooseOfficers(nips);
            Opened opened = loadSurvey();
            onFx(visit, () -> startSurvey(opened));
        });
    }

    /** Records the answer to the current question and moves on. */
    public void answer(int value) {
        touch();
        int officer = officerIndex.get();
        String questionId = currentQuestion().id();
        answers.computeIfAbsent(officer, key -> new HashMap<>()).put(questionId, value);
        notServed.remove(officer);
        background.execute(() -> session.answer(officer, questionId, value));

        if (questionIndex.get() + 1 < questions.size()) {
            questionIndex.set(questionIndex.get() + 1);
        } else {
            openComment();
        }
    }

    /** Goes back one step: the previous question, or the previous officer's comment screen. */
    public void back() {
        touch();
        switch (screen.get()) {
            case QUESTION -> {
                if (questionIndex.get() > 0) {
                    questionIndex.set(questionIndex.get() - 1);
                } else if (officerIndex.get() > 0) {
                    officerIndex.set(officerIndex.get() - 1);
                    if (notServed.contains(officerIndex.get())) {
                        questionIndex.set(0);
                    } else {
                        openComment();
                    }
                } else {
                    reset();
                }
            }
            case COMMENT -> {
                questionIndex.set(questions.size() - 1);
                screen.set(CitizenScreen.QUESTION);
            }
            case REPORT -> screen.set(CitizenScreen.COMMENT);
            case MANUAL_ENTRY, PICK_OFFICERS, REFUSED -> reset();
            default -> {
            }
        }
    }

    /** Records that the current officer did not serve the citizen and moves on. */
    public void notServed() {
        touch();
        int officer = officerIndex.get();
        notServed.add(officer);
        answers.remove(officer);
        comments.remove(officer);
        background.execute(() -> session.notServed(officer));
        nextOfficer();
    }

    /** Types one key of the on-screen keyboard into the comment. */
    public void typeComment(String key) {
        touch();
        if (commentDraft.get().length() < CitizenSession.MAX_TEXT_LENGTH) {
            commentDraft.set(commentDraft.get() + key);
        }
    }

    public void deleteComment() {
        touch();
        String draft = commentDraft.get();
        if (!draft.isEmpty()) {
            commentDraft.set(draft.substring(0, draft.length() - 1));
        }
    }

    /** Keeps the comment (if any) and moves to the next officer or completes the survey. */
    public void saveCommentAndContinue() {
        touch();
        int officer = officerIndex.get();
        String text = commentDraft.get();
        comments.put(officer, text);
        background.execute(() -> session.comment(officer, text));
        nextOfficer();
    }

    /** Opens the report-a-problem screen about the current officer. */
    public void openReport() {
        touch();
        reportOfficer.set(officerIndex.get());
        screen.set(CitizenScreen.REPORT);
    }

    /** Stores a report of {@code category} and returns to the comment screen. */
    public void report(ComplaintCategory category) {
        touch();
        int officer = reportOfficer.get();
        String text = commentDraft.get();
        background.execute(() -> session.complain(officer, category, text));
        notice.set(messages.get().get("report.saved"));
        screen.set(CitizenScreen.COMMENT);
    }

    public void toggleLanguage() {
        touch();
        String next = messages.get().get("language.switch.code");
        messages.set(Messages.of(next));
        background.execute(() -> session.language(next));
    }

    public void toggleHighContrast() {
        touch();
        highContrast.set(!highContrast.get());
    }

    public void toggleLargeText() {
        touch();
        largeText.set(!largeText.get());
    }

    /**
     * Records activity, which restarts the idle timer and hides the countdown. On the sleeping
     * screen it wakes the kiosk.
     */
    public void touch() {
        lastActivity = clock.instant();
        countdown.set(-1);
        if (screen.get() == CitizenScreen.ASLEEP) {
            wake("a touch");
        }
    }

    /**
     * Wakes the sleeping screen on a key event, which a keyboard-wedge scanner also sends.
     * On other screens keys are not activity, because citizens have no keyboard.
     */
    public void keyPressed() {
        if (screen.get() == CitizenScreen.ASLEEP) {
            wake("a key");
        }
    }

    /**
     * Reports that the presence sensor detected someone, on any thread. It wakes the sleeping
     * screen and keeps the welcome screen awake. On the other screens it changes nothing, so
     * the next person in line cannot keep an abandoned survey open.
     */
    public void onPresence() {
        Runnable apply = () -> {
            if (screen.get() == CitizenScreen.ASLEEP) {
                wake("the presence sensor");
            } else if (screen.get() == CitizenScreen.WELCOME) {
                lastActivity = clock.instant();
            }
        };
        if (Platform.isFxApplicationThread()) {
            apply.run();
        } else {
            Platform.runLater(apply);
        }
    }

    /**
     * Checks the idle timer; the view calls this once a second, tests after moving the clock.
     */
    public void tick() {
        if (screen.get() == CitizenScreen.WELCOME) {
            countdown.set(-1);
            sleepWhenIdle();
            return;
        }
        Duration limit = switch (screen.get()) {
            case WELCOME, ASLEEP, CHECKING, SAVING -> null;
            case DONE, REFUSED -> timeouts.result();
            default -> timeouts.idle();
        };
        if (limit == null) {
            countdown.set(-1);
            return;
        }
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (idle.compareTo(limit) >= 0) {
            log.info("Idle for {} s on screen {}: resetting", idle.toSeconds(), screen.get());
            reset();
            return;
        }
        Duration left = limit.minus(idle);
        countdown.set(left.compareTo(timeouts.warning()) <= 0
                ? (int) Math.max(1, (left.toMillis() + 999) / 1000) : -1);
    }

    /** Sets the language the screens start in and return to after each citizen. */
    public void setDefaultLanguage(String language) {
        defaultLanguage = language;
        if (screen.get() == CitizenScreen.WELCOME || screen.get() == CitizenScreen.ASLEEP) {
            messages.set(Messages.of(language));
        }
    }

    /** Ends the visit: clears everything entered and returns to the welcome screen. */
    public void reset() {
        clearVisit();
        messages.set(Messages.of(defaultLanguage));
        highContrast.set(false);
        largeText.set(false);
        background.execute(session::reset);
        if (session.isOutOfService() || configMissing) {
            // A full disk keeps the kiosk out of service until maintenance mode clears it,
            // and a missing config until the agent installs one.
            refusal.set(Refusal.OUT_OF_SERVICE);
            screen.set(CitizenScreen.REFUSED);
            return;
        }
        screen.set(CitizenScreen.WELCOME);
    }

    /** Returns when the scanner last delivered a scan, for the health screen. */
    public java.util.Optional<Instant> lastScanAt() {
        return java.util.Optional.ofNullable(lastScanAt);
    }

    /** Sets what happens when someone asks for maintenance mode from the welcome screen. */
    public void onMaintenanceRequest(Runnable request) {
        this.maintenanceRequest = request;
    }

    public void requestMaintenance() {
        if (screen.get() == CitizenScreen.WELCOME) {
            maintenanceRequest.run();
        }
    }

    // --- Steps ---

    private void sleepWhenIdle() {
        Duration sleep = timeouts.sleep();
        if (sleep.isZero() || checking) {
            return;
        }
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (idle.compareTo(sleep) < 0) {
            return;
        }
        log.info("Welcome screen untouched for {} s: going to sleep", idle.toSeconds());
        // The next person finds the default language and display, whatever the last one chose.
        messages.set(Messages.of(defaultLanguage));
        highContrast.set(false);
        largeText.set(false);
        screen.set(CitizenScreen.ASLEEP);
    }

    private void wake(String cause) {
        log.info("Woken by {}: showing the welcome screen", cause);
        lastActivity = clock.instant();
        screen.set(CitizenScreen.WELCOME);
    }

    private void showScanResult(ScanResult result, Opened opened) {
        if (result instanceof ScanResult.Rejected rejected) {
            showRefusal(rejected.refusal());
            return;
        }
        startSurvey(opened);
    }

    private void startSurvey(Opened opened) {
        officers = opened.officers();
        photos = opened.photos();
        questions = opened.questions();
        scaleLabels = opened.scaleLabels();
        answers.clear();
        notServed.clear();
        comments.clear();
        roster = List.of();
        rosterPhotos = List.of();
        chosenRoster.clear();
        officerIndex.set(0);
        questionIndex.set(0);
        touch();
        screen.set(CitizenScreen.QUESTION);
    }

    private void openComment() {
        commentDraft.set(comments.getOrDefault(officerIndex.get(), ""));
        notice.set("");
        screen.set(CitizenScreen.COMMENT);
    }

    private void nextOfficer() {
        if (officerIndex.get() + 1 < officers.size()) {
            officerIndex.set(officerIndex.get() + 1);
            questionIndex.set(0);
            commentDraft.set("");
            notice.set("");
            screen.set(CitizenScreen.QUESTION);
        } else {
            complete();
        }
    }

    private void complete() {
        int visit = epoch;
        commentDraft.set("");
        screen.set(CitizenScreen.SAVING);
        background.execute(() -> {
            Completion completion = session.complete();
            onFx(visit, () -> {
                touch();
                if (completion instanceof Completion.Issued done) {
                    clearAnswers();
                    issued.set(done);
                    screen.set(CitizenScreen.DONE);
                } else if (completion instanceof Completion.Rejected rejected) {
                    showRefusal(rejected.refusal());
                }
            });
        });
    }

    private void showRefusal(Refusal reason) {
        clearAnswers();
        refusal.set(reason);
        touch();
        screen.set(CitizenScreen.REFUSED);
    }

    private void clearVisit() {
        epoch++;
        checking = false;
        clearAnswers();
        refusal.set(null);
        issued.set(null);
        countdown.set(-1);
        manualNumber.set("");
        manualCheck.set("");
        editingCheck.set(false);
        roster = List.of();
        rosterPhotos = List.of();
        chosenRoster.clear();
        touch();
    }

    private void clearAnswers() {
        officers = List.of();
        photos = List.of();
        questions = List.of();
        scaleLabels = List.of();
        answers.clear();
        notServed.clear();
        comments.clear();
        commentDraft.set("");
        notice.set("");
        reportOfficer.set(-1);
        officerIndex.set(0);
        questionIndex.set(0);
    }

    // Runs on the background thread, right after the session opened a survey.
    private Opened loadSurvey() {
        List<OfficerCard> cards = session.officers();
        return new Opened(cards, decode(cards), session.questions(), session.scaleLabels());
    }

    private static List<Image> decode(List<OfficerCard> cards) {
        List<Image> images = new ArrayList<>();
        for (OfficerCard card : cards) {
            Image image = card.photo() == null ? null
                    : new Image(new ByteArrayInputStream(card.photo()));
            images.add(image == null || image.isError() ? null : image);
        }
        return images;
    }

    private void onFx(int visit, Runnable update) {
        Platform.runLater(() -> {
            if (visit != epoch) {
                log.info("Dropped a result of an earlier visit");
                return;
            }
            update.run();
        });
    }

    /** The data the view needs from a newly opened survey, prepared off the FX thread. */
    private record Opened(List<OfficerCard> officers, List<Image> photos,
            List<Question> questions, List<String> scaleLabels) {
    }
}
