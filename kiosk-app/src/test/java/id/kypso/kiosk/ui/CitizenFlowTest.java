package id.kypso.kiosk.ui;

import static id.kypso.kiosk.ui.FxTesting.exists;
import static id.kypso.kiosk.ui.FxTesting.text;
import static id.kypso.kiosk.ui.FxTesting.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import id.kypso.core.slip.ServiceStage;
import id.kypso.core.slip.StageOfficer;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.session.CitizenSession;
import id.kypso.kiosk.session.Messages;
import id.kypso.kiosk.session.Refusal;
import id.kypso.kiosk.session.SlipCheck;
import id.kypso.kiosk.testing.TestKiosk;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CitizenFlowTest {
    private static final Messages ID = Messages.of("id");
    private static final Messages EN = Messages.of("en");

    @TempDir
    static Path tempRoot;

    TestKiosk kiosk;
    CitizenModel model;
    CitizenScreens screens;
    Stage stage;
    ExecutorService background = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        kiosk = new TestKiosk(java.nio.file.Files.createTempDirectory(tempRoot, "kiosk"));
        show(kiosk.newSession());
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void show(CitizenSession session) {
        model = new CitizenModel(session, background, kiosk.clock,
                CitizenModel.Timeouts.DEFAULT);
        screens = new CitizenScreens(model, "Disdukcapil Kota Bandung", kiosk.clock);
        Scene scene = KioskWindow.scene(screens.root());
        KioskWindow.lock(stage, scene);
        screens.attach(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void missingConfig_showsOutOfServiceUntilInstalled(FxRobot robot) {
        robot.interact(() -> model.onConfigAvailable(false));

        waitForScreen(CitizenScreen.REFUSED);
        assertThat(model.refusalProperty().get()).isEqualTo(Refusal.OUT_OF_SERVICE);

        robot.interact(() -> model.onConfigAvailable(true));

        waitForScreen(CitizenScreen.WELCOME);
    }

    @Test
    void slowTyping_isNotTakenAsScan(FxRobot robot) {
        robot.write("KS1:TYPEDBYHAND").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.screen()).isEqualTo(CitizenScreen.WELCOME);
    }

    @Test
    void wedgeScan_opensFirstQuestionWithOfficer(FxRobot robot) {
        ScannerBurst.scan(robot, stage.getScene(), kiosk.slip("REG-0001"));

        waitForScreen(CitizenScreen.QUESTION);
        assertThat(text(robot, "#officerName")).isEqualTo("Siti Rahmawati");
        assertThat(text(robot, "#officerProgress")).isEqualTo("Petugas 1 dari 2");
        assertThat(text(robot, "#questionProgress")).isEqualTo("Pertanyaan 1 dari 9");
        assertThat(exists(robot, "#officerPhoto")).isTrue();
    }

    @Test
    void fullSurvey_printsTicketAndShowsItsCode(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));

        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");
        answerOfficer(robot, 3);
        robot.clickOn("#key-B").clickOn("#key-A").clickOn("#key-I").clickOn("#key-K");
        assertThat(text(robot, "#commentDraft")).isEqualTo("baik");
        robot.clickOn("#commentNext");

        waitForScreen(CitizenScreen.DONE);
        assertThat(text(robot, "#ticketCode")).isEqualTo("K01-000001");
        assertThat(text(robot, "#doneInstruction")).isEqualTo(ID.get("done.printed"));
        assertThat(exists(robot, "#ticketQr")).isFalse();
        assertThat(kiosk.printer.printed()).hasSize(1);
        assertThat(kiosk.countOutbox()).isEqualTo(2);
        assertThat(kiosk.outbox.pending(1).get(0).payload().get("officers").get(1)
                .get("comment").asText()).isEqualTo("baik");

        robot.clickOn("#doneFinish");
        waitForScreen(CitizenScreen.WELCOME);
    }

    @Test
    void paperOut_showsQrOnScreen(FxRobot robot) {
        kiosk.printer.failWith(PrinterFault.PAPER_END);
        scan(robot, kiosk.slip("REG-0001"));
        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");
        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");

        waitForScreen(CitizenScreen.DONE);
        assertThat(text(robot, "#doneInstruction")).isEqualTo(ID.get("done.paperOut"));
        assertThat(exists(robot, "#ticketQr")).isTrue();
        assertThat(text(robot, "#ticketCode")).isEqualTo("K01-000001");
    }

    static Stream<Arguments> refusals() {
        Function<TestKiosk, String> forged = k -> k.forgedSlip("REG-0003");
        Function<TestKiosk, String> other = k -> k.otherOfficeSlip("REG-0004");
        Function<TestKiosk, String> cut = k -> k.slip("REG-0005").substring(0, 60);
        Function<TestKiosk, String> product = k -> "8991234567890";
        Function<TestKiosk, String> ticket = k -> k.ticket(3);
        Function<TestKiosk, String> noPerekaman = k -> k.slipWithOfficers("REG-0006",
                List.of(new StageOfficer(ServiceStage.VERIFIKASI, TestKiosk.VERIFIER)));
        return Stream.of(Arguments.of(Refusal.FORGED, forged),
                Arguments.of(Refusal.OTHER_OFFICE, other),
                Arguments.of(Refusal.UNREADABLE, cut),
                Arguments.of(Refusal.NOT_A_SLIP, product),
                Arguments.of(Refusal.TICKET_SCANNED, ticket),
                Arguments.of(Refusal.PEREKAMAN_INCOMPLETE, noPerekaman));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void rejectedScan_showsRefusalScreen(Refusal refusal, Function<TestKiosk, String> payload,
            FxRobot robot) {
        scan(robot, payload.apply(kiosk));

        waitForScreen(CitizenScreen.REFUSED);
        assertThat(text(robot, "#refusalTitle"))
                .isEqualTo(ID.get("refusal." + refusal.name() + ".title"));
        assertThat(text(robot, "#refusalAction"))
                .isEqualTo(ID.get("refusal." + refusal.name() + ".action"));
        assertThat(kiosk.countOutbox()).isZero();

        robot.clickOn("#startOver");
        waitForScreen(CitizenScreen.WELCOME);
    }

    @Test
    void usedSlip_showsAlreadyUsedScreen(FxRobot robot) {
        CitizenSession direct = kiosk.newSession();
        direct.scan(kiosk.slip("REG-0001"));
        for (int officer = 0; officer < 2; officer++) {
            for (var question : direct.questions()) {
                direct.answer(officer, question.id(), 4);
            }
        }
        direct.complete();

        scan(robot, kiosk.slip("REG-0001"));

        waitForScreen(CitizenScreen.REFUSED);
        assertThat(text(robot, "#refusalTitle"))
                .isEqualTo(ID.get("refusal.ALREADY_SURVEYED.title"));
    }

    @Test
    void missingConfig_showsOutOfServiceScreen(FxRobot robot) {
        robot.interact(() -> show(new CitizenSession(kiosk.identity, Optional::empty,
                kiosk.ledger, kiosk.printer, kiosk.clock, UUID::randomUUID)));

        scan(robot, kiosk.slip("REG-0001"));

        waitForScreen(CitizenScreen.REFUSED);
        assertThat(text(robot, "#refusalTitle"))
                .isEqualTo(ID.get("refusal.OUT_OF_SERVICE.title"));
    }

    @Test
    void back_showsPreviousAnswer(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));
        robot.clickOn("#answer-2");
        waitUntil(() -> model.questionIndexProperty().get() == 1);

        robot.clickOn("#back");

        waitUntil(() -> model.questionIndexProperty().get() == 0);
        assertThat(robot.lookup("#answer-2").query().getStyleClass()).contains("selected");
        assertThat(robot.lookup("#answer-3").query().getStyleClass()).doesNotContain("selected");
    }

    @Test
    void backFromSecondOfficer_opensFirstComment(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));
        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");
        waitUntil(() -> model.officerIndexProperty().get() == 1);

        robot.clickOn("#back");

        waitForScreen(CitizenScreen.COMMENT);
        assertThat(model.officerIndexProperty().get()).isZero();
    }

    @Test
    void notServed_skipsToNextOfficer(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));

        robot.clickOn("#notServed");
        waitUntil(() -> model.officerIndexProperty().get() == 1);
        assertThat(text(robot, "#officerName")).isEqualTo("Budi Santoso");
        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");

        waitForScreen(CitizenScreen.DONE);
        assertThat(kiosk.outbox.pending(1).get(0).payload().get("officers").get(0)
                .get("served").asBoolean()).isFalse();
    }

    @Test
    void reportedProblem_isStoredAsComplaint(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));
        answerOfficer(robot, 1);

        robot.clickOn("#reportButton");
        waitForScreen(CitizenScreen.REPORT);
        robot.clickOn("#complaint-ASKED_FOR_MONEY");
        waitForScreen(CitizenScreen.COMMENT);
        assertThat(text(robot, "#notice")).isEqualTo(ID.get("report.saved"));
        robot.clickOn("#commentNext");
        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");

        waitForScreen(CitizenScreen.DONE);
        var complaint = kiosk.outbox.pending(1).get(0).payload().get("complaints").get(0);
        assertThat(complaint.get("category").asText()).isEqualTo("ASKED_FOR_MONEY");
        assertThat(complaint.get("nip").asText()).isEqualTo(TestKiosk.VERIFIER.toString());
    }

    @Test
    void idleSurvey_showsCountdownThenResetsAndForgets(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));
        robot.clickOn("#answer-4");

        kiosk.clock.advance(Duration.ofSeconds(75));
        robot.interact(model::tick);
        assertThat(text(robot, "#countdown")).isEqualTo(ID.format("timeout.warning", 15));

        kiosk.clock.advance(Duration.ofSeconds(15));
        robot.interact(model::tick);

        waitForScreen(CitizenScreen.WELCOME);
        assertThat(exists(robot, "#countdown")).isFalse();
        assertThat(robot.lookup(".label").queryAllAs(Labeled.class))
                .extracting(Labeled::getText)
                .doesNotContain("Siti Rahmawati", "Budi Santoso");
        assertThat(model.officers()).isEmpty();
        assertThat(model.currentAnswer()).isZero();
        assertThat(kiosk.countOutbox()).isZero();
    }

    @Test
    void stayButton_keepsTheSurvey(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));
        kiosk.clock.advance(Duration.ofSeconds(80));
        robot.interact(model::tick);

        robot.clickOn("#stayButton");
        kiosk.clock.advance(Duration.ofSeconds(30));
        robot.interact(model::tick);

        assertThat(model.screen()).isEqualTo(CitizenScreen.QUESTION);
        assertThat(exists(robot, "#countdown")).isFalse();
    }

    @Test
    void doneScreen_returnsToWelcomeByItself(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));
        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");
        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");
        waitForScreen(CitizenScreen.DONE);

        kiosk.clock.advance(Duration.ofSeconds(31));
        robot.interact(model::tick);

        waitForScreen(CitizenScreen.WELCOME);
        assertThat(exists(robot, "#ticketCode")).isFalse();
    }

    @Test
    void languageSwitch_showsEnglishAndResetRestoresIndonesian(FxRobot robot) {
        robot.clickOn("#languageToggle");
        assertThat(text(robot, "#welcomeTitle")).isEqualTo(EN.get("welcome.title"));

        scan(robot, kiosk.slip("REG-0001"));
        assertThat(text(robot, "#officerProgress")).isEqualTo("Officer 1 of 2");
        assertThat(text(robot, "#questionText"))
                .isEqualTo(model.currentQuestion().text("en"));

        robot.interact(model::reset);
        assertThat(text(robot, "#welcomeTitle")).isEqualTo(ID.get("welcome.title"));
    }

    @Test
    void displayToggles_setStyleClassesUntilReset(FxRobot robot) {
        robot.clickOn("#contrastToggle").clickOn("#largeTextToggle");

        assertThat(screens.root().getStyleClass()).contains("high-contrast", "large-text");

        robot.interact(model::reset);
        assertThat(screens.root().getStyleClass()).doesNotContain("high-contrast", "large-text");
    }

    @Test
    void keyedInSlip_surveysChosenOfficerUnverified(FxRobot robot) {
        String check = SlipCheck.of(TestKiosk.OFFICE, "REG-0042");
        keyIn(robot, "REG-0042", check);

        waitForScreen(CitizenScreen.PICK_OFFICERS);
        robot.clickOn("#pick-1");
        robot.clickOn("#pickConfirm");
        waitForScreen(CitizenScreen.QUESTION);
        assertThat(text(robot, "#officerName")).isEqualTo("Budi Santoso");
        answerOfficer(robot, 3);
        robot.clickOn("#commentNext");

        waitForScreen(CitizenScreen.DONE);
        assertThat(kiosk.outbox.pending(1).get(0).payload().get("verified").asBoolean())
                .isFalse();
    }

    @Test
    void syncedKeyedInSlip_showsSlipOfficers(FxRobot robot) {
        kiosk.syncRegistrations(kiosk.slip("REG-0042"));
        String check = SlipCheck.of(TestKiosk.OFFICE, "REG-0042");
        keyIn(robot, "REG-0042", check);

        waitForScreen(CitizenScreen.QUESTION);
        assertThat(text(robot, "#officerName")).isEqualTo("Siti Rahmawati");
        answerOfficer(robot, 4);
        robot.clickOn("#commentNext");
        waitForScreen(CitizenScreen.QUESTION);
        assertThat(text(robot, "#officerName")).isEqualTo("Budi Santoso");
        answerOfficer(robot, 3);
        robot.clickOn("#commentNext");

        waitForScreen(CitizenScreen.DONE);
        assertThat(kiosk.outbox.pending(1).get(0).payload().get("verified").asBoolean())
                .isTrue();
    }

    @Test
    void keyedInSlipWithWrongCheck_showsRefusal(FxRobot robot) {
        String check = SlipCheck.of(TestKiosk.OFFICE, "REG-0042");
        String wrong = check.equals("1111") ? "2222" : "1111";
        keyIn(robot, "REG-0042", wrong);

        waitForScreen(CitizenScreen.REFUSED);
        assertThat(text(robot, "#refusalTitle"))
                .isEqualTo(ID.get("refusal.MANUAL_ENTRY_INVALID.title"));
    }

    @Test
    void scanDuringSurvey_isIgnored(FxRobot robot) {
        scan(robot, kiosk.slip("REG-0001"));

        robot.interact(() -> model.onScan(kiosk.slip("REG-0002")));

        assertThat(model.screen()).isEqualTo(CitizenScreen.QUESTION);
        assertThat(text(robot, "#officerName")).isEqualTo("Siti Rahmawati");
    }

    @Test
    void escapeKeys_keepKioskOpen(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage,
                WindowEvent.WINDOW_CLOSE_REQUEST)));
        robot.press(KeyCode.ALT).press(KeyCode.F4).release(KeyCode.F4).release(KeyCode.ALT);
        robot.press(KeyCode.CONTROL).press(KeyCode.Q).release(KeyCode.Q)
                .release(KeyCode.CONTROL);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(stage.isShowing()).isTrue();
        assertThat(model.screen()).isEqualTo(CitizenScreen.WELCOME);
    }

    @Test
    void fiveTapsOnOfficeName_requestMaintenance(FxRobot robot) {
        int[] requests = new int[1];
        robot.interact(() -> model.onMaintenanceRequest(() -> requests[0]++));

        for (int i = 0; i < 5; i++) {
            robot.clickOn("#officeName");
        }

        assertThat(requests[0]).isEqualTo(1);
    }

    /** Types a slip number and its check on the on-screen keypad, submitting each. */
    private static void keyIn(FxRobot robot, String number, String check) {
        robot.clickOn("#manualEntry");
        for (char c : number.toCharArray()) {
            robot.clickOn("#key-" + c);
        }
        robot.clickOn("#manualSubmit");
        for (char c : check.toCharArray()) {
            robot.clickOn("#key-" + c);
        }
        robot.clickOn("#manualSubmit");
    }

    private void scan(FxRobot robot, String payload) {
        robot.interact(() -> model.onScan(payload));
        waitUntil(() -> model.screen() != CitizenScreen.CHECKING
                && model.screen() != CitizenScreen.WELCOME);
        waitForScreen(model.screen());
    }

    // Clicks the first and last answer and answers the questions between through the model,
    // which keeps the run short while each click still goes through the real buttons.
    private void answerOfficer(FxRobot robot, int value) {
        waitForScreen(CitizenScreen.QUESTION);
        int questions = model.questions().size();
        robot.clickOn("#answer-" + value);
        for (int i = 1; i < questions - 1; i++) {
            robot.interact(() -> model.answer(value));
        }
        waitForScreen(CitizenScreen.QUESTION);
        robot.clickOn("#answer-" + value);
        waitForScreen(CitizenScreen.COMMENT);
    }

    private void waitForScreen(CitizenScreen expected) {
        waitUntil(() -> model.screen() == expected
                && screens.root().getProperties().get(CitizenView.RENDERED_SCREEN) == expected);
    }
}
