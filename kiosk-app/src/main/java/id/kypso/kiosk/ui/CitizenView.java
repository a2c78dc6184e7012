package id.kypso.kiosk.ui;

import id.kypso.core.qr.QrCodes;
import id.kypso.core.survey.ComplaintCategory;
import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.printer.PrintResult.PrinterFault;
import id.kypso.kiosk.session.Completion;
import id.kypso.kiosk.session.Messages;
import id.kypso.kiosk.session.OfficerCard;
import id.kypso.kiosk.session.Refusal;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.TextAlignment;

/**
 * The citizen-mode screens, drawn from a {@link CitizenModel}. Every change of the model
 * redraws the whole screen from the model's state, so nothing from a previous screen or
 * previous citizen stays in the scene graph.
 */
final class CitizenView {
    /** Key of the root's property naming the screen last drawn, for tests to wait on. */
    static final String RENDERED_SCREEN = "kypso.renderedScreen";
    private static final PseudoClass ASLEEP = PseudoClass.getPseudoClass("asleep");

    private final CitizenModel model;
    private final String officeName;
    private final BorderPane frame = new BorderPane();
    private final StackPane root = new StackPane(frame);
    private final HiddenTrigger maintenanceTrigger;
    private boolean renderScheduled;

    CitizenView(CitizenModel model, String officeName, HiddenTrigger maintenanceTrigger) {
        this.model = model;
        this.officeName = officeName;
        this.maintenanceTrigger = maintenanceTrigger;
        root.getStyleClass().add("kiosk-root");
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> model.touch());
        // On a display of another shape the window's root shows around the screens, so it
        // darkens with the sleeping screen, and only while these screens are in the window.
        root.sceneProperty().addListener((observable, oldScene, newScene) -> {
            if (oldScene != null) {
                oldScene.getRoot().pseudoClassStateChanged(ASLEEP, false);
            }
            if (newScene != null) {
                newScene.getRoot().pseudoClassStateChanged(ASLEEP,
                        model.screen() == CitizenScreen.ASLEEP);
            }
        });

        Observable[] changes = {model.screenProperty(), model.messagesProperty(),
            model.officerIndexProperty(), model.questionIndexProperty(),
            model.noticeProperty(), model.manualNumberProperty(), model.manualCheckProperty(),
            model.editingCheckProperty(), model.commentDraftProperty(),
            model.revisionProperty(), model.countdownProperty(),
            model.highContrastProperty(), model.largeTextProperty()};
        for (Observable change : changes) {
            change.addListener(observable -> scheduleRender());
        }
        render();
    }

    // A command changes several properties in a row; drawing once after the last one keeps
    // the view from drawing a half-updated model.
    private void scheduleRender() {
        if (!renderScheduled) {
            renderScheduled = true;
            Platform.runLater(() -> {
                renderScheduled = false;
                render();
            });
        }
    }

    StackPane root() {
        return root;
    }

    private void render() {
        Messages text = model.messages();
        root.getStyleClass().removeAll("high-contrast", "large-text");
        if (model.highContrastProperty().get()) {
            root.getStyleClass().add("high-contrast");
        }
        if (model.largeTextProperty().get()) {
            root.getStyleClass().add("large-text");
        }
        boolean asleep = model.screen() == CitizenScreen.ASLEEP;
        root.pseudoClassStateChanged(ASLEEP, asleep);
        if (root.getScene() != null) {
            root.getScene().getRoot().pseudoClassStateChanged(ASLEEP, asleep);
        }
        if (asleep) {
            // Nothing but the prompt: no office name, switches or countdown to draw the eye.
            frame.setTop(null);
            frame.setCenter(asleep(text));
            frame.setBottom(null);
            root.getProperties().put(RENDERED_SCREEN, model.screen());
            return;
        }
        frame.setTop(topBar(text));
        frame.setCenter(scrollable(switch (model.screen()) {
            case WELCOME -> welcome(text);
            case ASLEEP -> asleep(text);
            case CHECKING -> waiting(text.get("welcome.checking"));
            case MANUAL_ENTRY -> manualEntry(text);
            case PICK_OFFICERS -> pickOfficers(text);
            case QUESTION -> question(text);
            case COMMENT -> comment(text);
            case REPORT -> report(text);
            case SAVING -> waiting(text.get("working.saving"));
            case DONE -> done(text);
            case REFUSED -> refused(text);
        }));
        frame.setBottom(countdown(text));
        root.getProperties().put(RENDERED_SCREEN, model.screen());
    }

    // --- Shared parts ---

    private Node topBar(Messages text) {
        Label office = new Label(officeName);
        office.setId("officeName");
        maintenanceTrigger.attach(office);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button contrast = toggle(text.get("welcome.contrast"), "contrastToggle",
                model.highContrastProperty().get(), model::toggleHighContrast);
        Button large = toggle(text.get("welcome.largeText"), "largeTextToggle",
                model.largeTextProperty().get(), model::toggleLargeText);
        Button language = button(text.get("language.switch"), "languageToggle", "secondary",
                model::toggleLanguage);
        HBox bar = new HBox(office, spacer, contrast, large, language);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node countdown(Messages text) {
        int seconds = model.countdownProperty().get();
        if (seconds < 0) {
            return null;
        }
        Label warning = new Label(text.format("timeout.warning", seconds));
        warning.setId("countdown");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button stay = button(text.get("timeout.stay"), "stayButton", "primary", model::touch);
        HBox bar = new HBox(warning, spacer, stay);
        bar.getStyleClass().add("countdown-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node waiting(String message) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(160, 160);
        Label label = label(message, "subtitle");
        label.setId("waitingText");
        VBox box = new VBox(40, spinner, label);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    // --- Welcome ---

    private Node welcome(Messages text) {
        Label title = label(text.get("welcome.title"), "title");
        title.setId("welcomeTitle");
        Label subtitle = label(text.get("welcome.subtitle"), "subtitle");

        HBox steps = new HBox(48, step(1, text.get("welcome.step1"), slipIcon()),
                step(2, text.get("welcome.step2"), Faces.face(4, 96)),
                step(3, text.get("welcome.step3"), ticketIcon()));
        steps.setAlignment(Pos.CENTER);

        Label scan = label(text.get("welcome.scanHere"), "scan-text");
        Label below = label(text.get("welcome.scanArrow"), "subtitle");
        Polygon arrow = new Polygon(0, 0, 80, 0, 40, 56);
        arrow.setFill(model.highContrastProperty().get() ? Color.web("#ffd43b")
                : Color.web("#0b5ed7"));
        VBox guide = new VBox(12, scan, below, arrow);
        guide.setId("scanGuide");
        guide.getStyleClass().add("scan-guide");
        guide.setAlignment(Pos.CENTER);
        guide.setMaxWidth(1300);

        Button manual = button(text.get("welcome.manual"), "manualEntry", "secondary",
                model::openManualEntry);

        VBox content = new VBox(title, subtitle, steps, guide, manual);
        content.getStyleClass().add("content");
        content.setAlignment(Pos.CENTER);
        return content;
    }

    private Node step(int number, String caption, Node icon) {
        Circle circle = new Circle(34);
        circle.getStyleClass().add("step-circle");
        Label digit = label(String.valueOf(number), "step-number");
        StackPane badge = new StackPane(circle, digit);
        StackPane picture = new StackPane(icon);
        picture.setMinHeight(130);
        Label label = label(caption, "subtitle");
        VBox step = new VBox(14, badge, picture, label);
        step.getStyleClass().add("card");
        step.setAlignment(Pos.CENTER);
        step.setPrefWidth(380);
        return step;
    }

    private static Node slipIcon() {
        Rectangle paper = new Rectangle(90, 120, Color.WHITE);
        paper.setStroke(Color.web("#1b1b1b"));
        paper.setStrokeWidth(4);
        Rectangle qr = new Rectangle(50, 50, Color.web("#1b1b1b"));
        qr.setTranslateY(-16);
        Rectangle inner = new Rectangle(22, 22, Color.WHITE);
        inner.setTranslateY(-16);
        Rectangle line = new Rectangle(60, 8, Color.web("#1b1b1b"));
        line.setTranslateY(36);
        return new StackPane(paper, qr, inner, line);
    }

    private static Node ticketIcon() {
        Rectangle paper = new Rectangle(80, 124, Color.web("#fff9db"));
        paper.setStroke(Color.web("#1b1b1b"));
        paper.setStrokeWidth(4);
        Rectangle qr = new Rectangle(44, 44, Color.web("#1b1b1b"));
        qr.setTranslateY(14);
        Rectangle line1 = new Rectangle(54, 7, Color.web("#1b1b1b"));
        line1.setTranslateY(-40);
        Rectangle line2 = new Rectangle(40, 7, Color.web("#1b1b1b"));
        line2.setTranslateY(-26);
        return new StackPane(paper, qr, line1, line2);
    }

    // --- Asleep ---

    private Node asleep(Messages text) {
        Label prompt = label(text.get("sleep.prompt"), "sleep-prompt");
        prompt.setId("sleepPrompt");
        VBox content = new VBox(prompt);
        content.setAlignment(Pos.CENTER);
        return content;
    }

    // --- Manual entry ---

    private Node manualEntry(Messages text) {
        Label title = label(text.get("manual.title"), "title");
        Label hint = label(text.get("manual.hint"), "hint");

        Label numberField = field(model.manualNumberProperty().get(), "manualNumber",
                !model.editingCheckProperty().get());
        numberField.setPrefWidth(820);
        numberField.setOnMouseClicked(event -> model.editCheck(false));
        Label checkField = field(model.manualCheckProperty().get(), "manualCheck",
                model.editingCheckProperty().get());
        checkField.setPrefWidth(260);
        checkField.setOnMouseClicked(event -> model.editCheck(true));
        VBox number = new VBox(8, label(text.get("manual.number"), "hint"), numberField);
        VBox check = new VBox(8, label(text.get("manual.check"), "hint"), checkField);
        HBox fields = new HBox(40, number, check);
        fields.setAlignment(Pos.CENTER);

        Node keyboard = model.editingCheckProperty().get()
                ? OnScreenKeyboard.digits(model::typeManual, model::deleteManual,
                        text.get("keyboard.delete"))
                : OnScreenKeyboard.slipNumber(model::typeManual, model::deleteManual,
                        text.get("keyboard.delete"));

        Button back = button(text.get("nav.back"), "back", "secondary", model::back);
        Button next = button(text.get("nav.next"), "manualSubmit", "primary",
                model.editingCheckProperty().get() ? model::submitManual
                        : () -> model.editCheck(true));
        next.setDisable(model.editingCheckProperty().get()
                ? model.manualCheckProperty().get().length() != 4
                : model.manualNumberProperty().get().length() < 4);
        Label unverified = label(text.get("manual.unverified"), "hint");

        VBox content = new VBox(title, hint, fields, keyboard, unverified, nav(back, next));
        content.getStyleClass().add("content");
        content.setAlignment(Pos.TOP_CENTER);
        return content;
    }

    // --- Pick officers (keyed-in slip) ---

    private Node pickOfficers(Messages text) {
        Label title = label(text.get("pick.title"), "title");
        Label hint = label(text.get("pick.hint"), "hint");
        FlowPane cards = new FlowPane(24, 24);
        cards.setAlignment(Pos.CENTER);
        for (int i = 0; i < model.roster().size(); i++) {
            int index = i;
            OfficerCard officer = model.roster().get(i);
            VBox card = new VBox(10, photo(model.rosterPhoto(i), 160, 200),
                    label(name(officer, text), "officer-name"),
                    label(text.get("stage." + officer.stage().name()), "officer-stage"));
            card.getStyleClass().add("card");
            if (model.isChosen(i)) {
                card.getStyleClass().add("picked");
            }
            card.setAlignment(Pos.CENTER);
            card.setPrefWidth(400);
            card.setId("pick-" + i);
            card.setOnMouseClicked(event -> model.toggleRosterOfficer(index));
            cards.getChildren().add(card);
        }
        Button back = button(text.get("nav.back"), "back", "secondary", model::back);
        Button next = button(text.get("nav.next"), "pickConfirm", "primary",
                model::confirmOfficers);
        next.setDisable(!model.hasChosenOfficers());
        VBox content = new VBox(title, hint, cards, nav(back, next));
        content.getStyleClass().add("content");
        content.setAlignment(Pos.TOP_CENTER);
        return content;
    }

    // --- Question ---

    private Node question(Messages text) {
        int officerIndex = model.officerIndexProperty().get();
        OfficerCard officer = model.currentOfficer();

        Label officerProgress = leftLabel(text.format("officer.progress", officerIndex + 1,
                model.officers().size()), "progress");
        officerProgress.setId("officerProgress");
        Label name = leftLabel(name(officer, text), "officer-name");
        name.setId("officerName");
        Label stage = leftLabel(text.get("stage." + officer.stage().name()), "officer-stage");
        VBox who = new VBox(8, officerProgress, name, stage);
        who.setAlignment(Pos.CENTER_LEFT);
        Button notServed = button(text.get("officer.notServed"), "notServed",
                "warning-button", model::notServed);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(28, photo(model.photo(officerIndex), 150, 188), who, spacer,
                notServed);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("card");

        Label questionProgress = leftLabel(text.format("question.progress",
                model.questionIndexProperty().get() + 1, model.questions().size()), "progress");
        questionProgress.setId("questionProgress");
        Label question = label(model.currentQuestion().text(text.language()), "question");
        question.setId("questionText");

        HBox choices = new HBox(28);
        choices.setAlignment(Pos.CENTER);
        int selected = model.currentAnswer();
        for (int value = 1; value <= 4; value++) {
            int answer = value;
            Button choice = new Button(model.scaleLabels().get(value - 1),
                    Faces.face(value, 170));
            choice.setId("answer-" + value);
            choice.getStyleClass().add("answer");
            if (value == selected) {
                choice.getStyleClass().add("selected");
            }
            choice.setWrapText(true);
            choice.setTextAlignment(TextAlignment.CENTER);
            choice.setFocusTraversable(false);
            choice.setOnAction(event -> model.answer(answer));
            choices.getChildren().add(choice);
        }

        Button back = button(text.get("nav.back"), "back", "secondary", model::back);
        VBox content = new VBox(header, questionProgress, question, choices, nav(back, null));
        content.getStyleClass().add("content");
        return content;
    }

    // --- Comment and report ---

    private Node comment(Messages text) {
        OfficerCard officer = model.currentOfficer();
        Label title = leftLabel(text.get("comment.title"), "title");
        Label who = leftLabel(name(officer, text) + " - " + text.get("stage."
                + officer.stage().name()) + ". " + text.get("comment.hint"), "hint");
        Label draft = field(model.commentDraftProperty().get(), "commentDraft", true);
        draft.setMaxWidth(Double.MAX_VALUE);
        draft.setMinHeight(100);
        draft.setWrapText(true);
        Label notice = leftLabel(model.noticeProperty().get(), "notice");
        notice.setId("notice");

        Node keyboard = OnScreenKeyboard.text(model::typeComment, model::deleteComment,
                text.get("keyboard.space"), text.get("keyboard.delete"));
        Button back = button(text.get("nav.back"), "back", "secondary", model::back);
        Button report = button(text.get("report.button"), "reportButton", "warning-button",
                model::openReport);
        boolean empty = model.commentDraftProperty().get().isBlank();
        Button next = button(text.get(empty ? "comment.skip" : "comment.save"), "commentNext",
                "primary", model::saveCommentAndContinue);
        HBox bottom = nav(back, next);
        bottom.getChildren().add(1, report);

        VBox content = new VBox(14, title, who, draft, notice, keyboard, bottom);
        content.getStyleClass().add("content");
        return content;
    }

    private Node report(Messages text) {
        int officer = model.reportOfficerProperty().get();
        Label title = label(text.get(officer < 0 ? "report.officeTitle" : "report.title"),
                "title");
        VBox choices = new VBox(18);
        choices.setAlignment(Pos.CENTER);
        for (ComplaintCategory category : ComplaintCategory.values()) {
            Button choice = button(text.get("complaint." + category.name()),
                    "complaint-" + category.name(), "secondary", () -> model.report(category));
            choice.setPrefWidth(1000);
            choices.getChildren().add(choice);
        }
        Button back = button(text.get("nav.back"), "back", "secondary", model::back);
        VBox content = new VBox(title, choices, nav(back, null));
        content.getStyleClass().add("content");
        return content;
    }

    // --- Done and refused ---

    private Node done(Messages text) {
        Completion.Issued issued = model.issuedProperty().get();
        Label title = label(text.get("done.title"), "success-title");
        title.setId("doneTitle");
        String instruction;
        if (issued.printed()) {
            instruction = text.get("done.printed");
        } else if (issued.print() instanceof PrintResult.Failed failed
                && failed.fault() == PrinterFault.PAPER_END) {
            instruction = text.get("done.paperOut");
        } else {
            instruction = text.get("done.notPrinted");
        }
        Label what = label(instruction, "subtitle");
        what.setId("doneInstruction");
        Label codeCaption = label(text.get("done.code"), "hint");
        Label code = label(issued.ticket().shortCode(), "ticket-code");
        code.setId("ticketCode");
        Label registration = label(text.format("done.registration",
                issued.ticket().registrationNumber()), "hint");
        VBox ticket = new VBox(10, codeCaption, code, registration);
        ticket.setAlignment(Pos.CENTER);

        HBox body = new HBox(60, ticket);
        body.setAlignment(Pos.CENTER);
        if (!issued.printed()) {
            // The counter scans this QR code from the screen or from a photo of it.
            Image qr = SwingFXUtils.toFXImage(QrCodes.draw(issued.ticket().qrPayload(), 6),
                    null);
            ImageView qrView = new ImageView(qr);
            qrView.setId("ticketQr");
            qrView.setFitHeight(420);
            qrView.setPreserveRatio(true);
            StackPane framed = new StackPane(qrView);
            framed.setStyle("-fx-background-color: white; -fx-padding: 12;");
            body.getChildren().add(0, framed);
        }
        Button finish = button(text.get("done.finish"), "doneFinish", "primary", model::reset);
        finish.setPrefWidth(480);
        VBox content = new VBox(title, what, body, finish);
        content.getStyleClass().add("content");
        content.setAlignment(Pos.CENTER);
        return content;
    }

    private Node refused(Messages text) {
        Refusal refusal = model.refusalProperty().get();
        Label icon = new Label("!");
        icon.setStyle("-fx-font-size: 96px; -fx-font-weight: bold; -fx-text-fill: white;");
        Circle circle = new Circle(80, Color.web("#c92a2a"));
        StackPane badge = new StackPane(circle, icon);
        Label title = label(text.get("refusal." + refusal.name() + ".title"), "refusal-title");
        title.setId("refusalTitle");
        Label action = label(text.get("refusal." + refusal.name() + ".action"), "subtitle");
        action.setId("refusalAction");
        action.setMaxWidth(1400);

        Button startOver = button(text.get("nav.startOver"), "startOver", "primary",
                model::reset);
        startOver.setPrefWidth(480);
        HBox buttons = new HBox(32, startOver);
        buttons.setAlignment(Pos.CENTER);
        if (refusal == Refusal.UNREADABLE || refusal == Refusal.MANUAL_ENTRY_INVALID) {
            Button manual = button(text.get("welcome.manual"), "manualEntry", "secondary",
                    model::openManualEntry);
            buttons.getChildren().add(manual);
        }
        VBox content = new VBox(badge, title, action, buttons);
        content.getStyleClass().add("content");
        content.setAlignment(Pos.CENTER);
        return content;
    }

    // --- Small builders ---

    // Large text can make a screen taller than the display; scrolling keeps every button
    // reachable instead of cutting it off.
    private static Node scrollable(Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("screen-scroll");
        scroll.setFocusTraversable(false);
        return scroll;
    }

    private static String name(OfficerCard officer, Messages text) {
        return officer.name() != null ? officer.name()
                : text.format("officer.unknownName", officer.nip());
    }

    private static Node photo(Image image, double width, double height) {
        if (image == null) {
            Circle head = new Circle(width * 0.22, Color.web("#adb5bd"));
            Rectangle body = new Rectangle(width * 0.7, height * 0.35, Color.web("#adb5bd"));
            body.setArcWidth(60);
            body.setArcHeight(60);
            VBox placeholder = new VBox(8, head, body);
            placeholder.setAlignment(Pos.BOTTOM_CENTER);
            placeholder.setMinSize(width, height);
            placeholder.setMaxSize(width, height);
            placeholder.setStyle("-fx-background-color: #dee2e6; -fx-background-radius: 12;");
            placeholder.setId("photoPlaceholder");
            return placeholder;
        }
        ImageView view = new ImageView(image);
        view.setFitWidth(width);
        view.setFitHeight(height);
        view.setPreserveRatio(true);
        view.setId("officerPhoto");
        return view;
    }

    // Labels take the full width and never shrink below their wrapped height, so long text
    // (larger-text mode, longer languages) wraps onto more lines instead of being cut off.
    private static Label label(String value, String style) {
        Label label = new Label(value);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setAlignment(Pos.CENTER);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label leftLabel(String value, String style) {
        Label label = label(value, style);
        label.setTextAlignment(TextAlignment.LEFT);
        label.setAlignment(Pos.CENTER_LEFT);
        return label;
    }

    private static Label field(String value, String id, boolean active) {
        Label field = new Label(value);
        field.setId(id);
        field.getStyleClass().add("field");
        if (active) {
            field.getStyleClass().add("active");
        }
        return field;
    }

    static Button button(String text, String id, String style, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add(style);
        button.setWrapText(true);
        button.setTextAlignment(TextAlignment.CENTER);
        button.setFocusTraversable(false);
        button.setOnAction(event -> action.run());
        return button;
    }

    private static Button toggle(String text, String id, boolean on, Runnable action) {
        Button button = button(text, id, "secondary", action);
        if (on) {
            button.getStyleClass().add("toggle-on");
        }
        return button;
    }

    private static HBox nav(Button back, Button next) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox nav = new HBox(24, back, spacer);
        if (next != null) {
            nav.getChildren().add(next);
            next.setPrefWidth(360);
        }
        back.setPrefWidth(300);
        nav.setAlignment(Pos.CENTER_LEFT);
        nav.setPadding(new Insets(12, 0, 0, 0));
        return nav;
    }
}
