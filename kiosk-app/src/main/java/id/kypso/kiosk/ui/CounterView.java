package id.kypso.kiosk.ui;

import id.kypso.core.ticket.Ticket;
import id.kypso.kiosk.counter.CheckResult;
import id.kypso.kiosk.counter.Verdict;
import id.kypso.kiosk.session.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Counter mode: scan a ticket, see the verdict, the masked NIK and the registration number. */
public final class CounterView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final CounterModel model;
    private final String counterName;
    private final ZoneId zone;
    private final BorderPane root = new BorderPane();

    public CounterView(CounterModel model, String counterName, ZoneId zone) {
        this.model = model;
        this.counterName = counterName;
        this.zone = zone;
        root.getStyleClass().add("kiosk-root");
        model.resultProperty().addListener(observable -> render());
        model.checkingProperty().addListener(observable -> render());
        model.messagesProperty().addListener(observable -> render());
        render();
    }

    public Parent root() {
        return root;
    }

    /** Reads keyboard-wedge scans typed into {@code scene}. */
    public void attach(Scene scene) {
        KeyboardWedge.install(scene, model::onScan);
    }

    private void render() {
        Messages text = model.messagesProperty().get();
        Label name = new Label(counterName);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button language = CitizenView.button(text.get("language.switch"), "languageToggle",
                "secondary", model::toggleLanguage);
        HBox bar = new HBox(name, spacer, language);
        bar.getStyleClass().add("top-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        root.setTop(bar);

        VBox content = new VBox();
        content.getStyleClass().add("content");
        content.setAlignment(Pos.TOP_CENTER);
        Label title = new Label(text.get("counter.title"));
        title.getStyleClass().add("title");
        Label hint = new Label(text.get("counter.hint"));
        hint.getStyleClass().add("subtitle");
        content.getChildren().addAll(title, hint);

        if (model.checkingProperty().get()) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(120, 120);
            content.getChildren().add(spinner);
        } else if (model.resultProperty().get() != null) {
            content.getChildren().add(result(model.resultProperty().get(), text));
            Button next = CitizenView.button(text.get("counter.next"), "counterClear",
                    "secondary", model::clear);
            content.getChildren().add(next);
        }
        root.setCenter(content);
    }

    private Node result(CheckResult result, Messages text) {
        Verdict verdict = result.verdict();
        Label title = new Label(text.get("counter." + verdict.name()));
        title.setId("counterVerdict");
        title.setStyle("-fx-font-size: 3em; -fx-font-weight: bold; -fx-text-fill: white;");
        String action = switch (verdict) {
            case VALID, REVOKED -> text.get("counter." + verdict.name() + ".action");
            case ALREADY_USED -> text.format("counter.ALREADY_USED.action",
                    result.redeemedAt() == null ? "?"
                            : TIME.format(result.redeemedAt().atZone(zone))
                                    + (result.redeemedBy() == null ? ""
                                            : " (" + result.redeemedBy() + ")"));
            case INVALID -> text.format("counter.INVALID.action",
                    text.get("counter.reason." + result.reason().name()));
        };
        Label what = new Label(action);
        what.setId("counterAction");
        what.setWrapText(true);
        what.setStyle("-fx-font-size: 1.3em; -fx-text-fill: white;");
        VBox banner = new VBox(12, title, what);
        banner.setAlignment(Pos.CENTER);
        banner.setMaxWidth(1500);
        banner.setStyle("-fx-padding: 28; -fx-background-radius: 20; -fx-background-color: "
                + switch (verdict) {
                    case VALID -> "#2b8a3e";
                    case ALREADY_USED -> "#d9480f";
                    case REVOKED -> "#862e9c";
                    case INVALID -> "#c92a2a";
                } + ";");

        VBox box = new VBox(24, banner);
        box.setAlignment(Pos.CENTER);
        Ticket ticket = result.ticket();
        if (ticket != null) {
            GridPane details = new GridPane();
            details.setHgap(40);
            details.setVgap(12);
            details.getStyleClass().add("card");
            details.setMaxWidth(1500);
            row(details, 0, text.get("counter.nik"), ticket.maskedNik().toString(), "counterNik");
            row(details, 1, text.get("counter.registration"), ticket.registrationNumber(),
                    "counterRegistration");
            row(details, 2, text.get("counter.ticket"), ticket.ticketId() + "  ("
                    + ticket.shortCode() + ")", "counterTicket");
            row(details, 3, text.get("counter.issued"),
                    TIME.format(ticket.issuedAt().atZone(zone)), "counterIssued");
            row(details, 4, "", text.get(result.checkedOnline() ? "counter.online"
                    : "counter.offline"), "counterOnline");
            box.getChildren().add(details);
        }
        return box;
    }

    private static void row(GridPane grid, int row, String caption, String value, String id) {
        Label left = new Label(caption);
        left.getStyleClass().add("hint");
        Label right = new Label(value);
        right.setId(id);
        right.getStyleClass().add("officer-name");
        grid.addRow(row, left, right);
    }
}
