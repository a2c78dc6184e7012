package id.kypso.kiosk.ui;

import id.kypso.kiosk.maintenance.Health;
import id.kypso.kiosk.maintenance.RecentTicket;
import id.kypso.kiosk.maintenance.TrackingPrinter;
import id.kypso.kiosk.printer.PrintResult;
import id.kypso.kiosk.session.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.Observable;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Maintenance mode: the PIN pad, then the health panel and its actions. */
public final class MaintenanceView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM HH:mm");

    private final MaintenanceModel model;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();
    private final Timeline ticker;

    public MaintenanceView(MaintenanceModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        root.getStyleClass().add("kiosk-root");
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> model.touch());
        Observable[] changes = {model.unlockedProperty(), model.pinLengthProperty(),
            model.messageProperty(), model.healthProperty(), model.recentProperty()};
        for (Observable change : changes) {
            change.addListener(observable -> render());
        }
        ticker = new Timeline(new KeyFrame(Duration.seconds(5), event -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
        render();
    }

    public Parent root() {
        return root;
    }

    /** Starts the idle check; call when the view is shown. */
    public void start() {
        ticker.play();
    }

    /** Stops the idle check; call when the view is hidden. */
    public void stop() {
        ticker.stop();
    }

    private void render() {
        Messages text = model.messagesProperty().get();
        Label title = new Label(text.get("maintenance.title"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button exit = CitizenView.button(text.get("maintenance.exit"), "maintenanceExit",
                "secondary", model::exit);
        HBox bar = new HBox(title, spacer, exit);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        root.setTop(bar);
        root.setCenter(model.unlockedProperty().get() ? panel(text) : pinPad(text));
    }

    private Node pinPad(Messages text) {
        Label hint = new Label(text.get("maintenance.pin.hint"));
        hint.getStyleClass().add("title");
        Label dots = new Label("\u25cf".repeat(model.pinLengthProperty().get()));
        dots.setId("pinDots");
        dots.getStyleClass().addAll("field", "active");
        dots.setPrefWidth(520);
        Label message = new Label(model.messageProperty().get());
        message.setId("maintenanceMessage");
        message.getStyleClass().add("refusal-title");
        message.setStyle("-fx-font-size: 1.2em;");
        message.setWrapText(true);
        VBox keypad = OnScreenKeyboard.digits(model::typeDigit, model::deleteDigit,
                text.get("keyboard.delete"));
        Button enter = CitizenView.button(text.get("maintenance.enter"), "pinEnter", "primary",
                model::submitPin);
        enter.setPrefWidth(520);
        VBox content = new VBox(24, hint, dots, message, keypad, enter);
        content.getStyleClass().add("content");
        content.setAlignment(Pos.TOP_CENTER);
        return content;
    }

    private Node panel(Messages text) {
        GridPane grid = new GridPane();
        grid.setHgap(32);
        grid.setVgap(10);
        grid.getStyleClass().add("card");
        Health health = model.healthProperty().get();
        if (health != null) {
            int row = 0;
            row(grid, row++, text.get("maintenance.printer"), printer(health.lastPrint(), text),
                    "healthPrinter", health.lastPrint().map(last ->
                            last.result() instanceof PrintResult.Printed).orElse(true));
            row(grid, row++, text.get("maintenance.scanner"), time(health.lastScanAt(), text),
                    "healthScanner", true);
            row(grid, row++, text.get("maintenance.disk"), text.format("maintenance.diskValue",
                    health.diskFreeBytes() / 1_000_000, health.diskTotalBytes() / 1_000_000),
                    "healthDisk", health.diskFreeBytes() > 200_000_000L);
            row(grid, row++, text.get("maintenance.unsent"), text.format(
                    "maintenance.unsentValue", health.unsentRecords(),
                    time(health.oldestUnsentAt(), text)), "healthUnsent", true);
            row(grid, row++, text.get("maintenance.lastSync"), time(health.lastSyncAt(), text),
                    "healthSync", health.lastSyncAt().isPresent());
            row(grid, row++, text.get("maintenance.config"), health.configSummary()
                    + health.configProblem().map(problem -> " / " + problem).orElse(""),
                    "healthConfig", health.configProblem().isEmpty());
            row(grid, row++, text.get("maintenance.versions"), health.appVersion(),
                    "healthVersion", true);
            row(grid, row, "", text.get(health.outOfService() ? "maintenance.outOfService"
                    : "maintenance.inService"), "healthService", !health.outOfService());
        }

        VBox tickets = new VBox(8);
        Label recentTitle = new Label(text.get("maintenance.recent"));
        recentTitle.getStyleClass().add("progress");
        tickets.getChildren().add(recentTitle);
        for (RecentTicket ticket : model.recentProperty().get()) {
            Label line = new Label(ticket.shortCode() + "  "
                    + TIME.format(ticket.issuedAt().atZone(zone)) + "  "
                    + (ticket.printed() ? text.get("maintenance.printed")
                            : text.format("maintenance.printFailed",
                                    ticket.printError() == null ? "-" : ticket.printError())));
            line.getStyleClass().add(ticket.printed() ? "status-ok" : "status-bad");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button reprint = CitizenView.button(text.get("maintenance.reprint"),
                    "reprint-" + ticket.serial(), "secondary",
                    () -> model.reprint(ticket.serial()));
            // An inline style, because the stylesheet's button size overrides setters.
            reprint.setStyle("-fx-min-width: 260px; -fx-min-height: 64px;");
            reprint.setWrapText(false);
            line.setMinWidth(0);
            HBox item = new HBox(16, line, spacer, reprint);
            item.setAlignment(Pos.CENTER_LEFT);
            tickets.getChildren().add(item);
        }
        tickets.getStyleClass().add("card");

        HBox actions = new HBox(20,
                CitizenView.button(text.get("maintenance.testPage"), "testPage", "primary",
                        model::printTestPage),
                CitizenView.button(text.get("maintenance.reload"), "reloadConfig", "secondary",
                        model::reloadConfig),
                CitizenView.button(text.get("maintenance.returnToService"), "returnToService",
                        "secondary", model::returnToService));
        Label message = new Label(model.messageProperty().get());
        message.setId("maintenanceMessage");
        message.getStyleClass().add("notice");
        grid.setMinWidth(Region.USE_PREF_SIZE);
        HBox columns = new HBox(24, grid, tickets);
        HBox.setHgrow(tickets, Priority.ALWAYS);
        VBox content = new VBox(20, columns, actions, message);
        content.getStyleClass().add("content");
        return content;
    }

    private String printer(Optional<TrackingPrinter.LastPrint> last, Messages text) {
        return last.map(print -> text.format("maintenance.lastPrint",
                TIME.format(print.at().atZone(zone)), switch (print.result()) {
                    case PrintResult.Printed printed -> text.get("maintenance.ok");
                    case PrintResult.Failed failed -> failed.fault() + " " + failed.reason();
                })).orElse(text.get("maintenance.unknown"));
    }

    private String time(Optional<Instant> instant, Messages text) {
        return instant.map(value -> TIME.format(value.atZone(zone)))
                .orElse(text.get("maintenance.never"));
    }

    private static void row(GridPane grid, int row, String caption, String value, String id,
            boolean ok) {
        Label left = new Label(caption);
        left.getStyleClass().add("hint");
        left.setMinWidth(Region.USE_PREF_SIZE);
        Label right = new Label(value);
        right.setId(id);
        right.setWrapText(true);
        right.setMaxWidth(560);
        right.getStyleClass().add(ok ? "status-ok" : "status-bad");
        grid.addRow(row, left, right);
    }
}
