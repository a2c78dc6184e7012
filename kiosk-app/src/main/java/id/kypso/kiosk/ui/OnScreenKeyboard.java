package id.kypso.kiosk.ui;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** On-screen keyboards for a kiosk without a physical one. */
final class OnScreenKeyboard {
    private static final List<String> TEXT_ROWS = List.of("1234567890", "QWERTYUIOP",
            "ASDFGHJKL", "ZXCVBNM,.?");
    private static final List<String> SLIP_ROWS = List.of("1234567890", "QWERTYUIOP",
            "ASDFGHJKL-", "ZXCVBNM/.");
    private static final List<String> DIGIT_ROWS = List.of("123", "456", "789");

    private OnScreenKeyboard() {
    }

    /** A keyboard for free text: letters, digits, some punctuation, space and delete. */
    static VBox text(Consumer<String> type, Runnable delete, String spaceLabel,
            String deleteLabel) {
        VBox keyboard = rows(TEXT_ROWS, key -> type.accept(key.toLowerCase(java.util.Locale.ROOT)));
        Button space = key(spaceLabel, "keySpace", () -> type.accept(" "));
        space.setPrefWidth(700);
        Button backspace = key(deleteLabel, "keyDelete", delete);
        backspace.setPrefWidth(240);
        HBox last = new HBox(10, space, backspace);
        last.setAlignment(Pos.CENTER);
        keyboard.getChildren().add(last);
        return keyboard;
    }

    /** A keyboard for slip numbers: capitals, digits, '-', '/', '.', and delete. */
    static VBox slipNumber(Consumer<String> type, Runnable delete, String deleteLabel) {
        VBox keyboard = rows(SLIP_ROWS, type);
        Button backspace = key(deleteLabel, "keyDelete", delete);
        backspace.setPrefWidth(240);
        ((HBox) keyboard.getChildren().get(keyboard.getChildren().size() - 1)).getChildren()
                .add(backspace);
        return keyboard;
    }

    /** A numeric keypad: digits and delete. */
    static VBox digits(Consumer<String> type, Runnable delete, String deleteLabel) {
        VBox keypad = rows(DIGIT_ROWS, type);
        Button zero = key("0", "key-0", () -> type.accept("0"));
        Button backspace = key(deleteLabel, "keyDelete", delete);
        backspace.setPrefWidth(218);
        HBox last = new HBox(10, zero, backspace);
        last.setAlignment(Pos.CENTER);
        keypad.getChildren().add(last);
        return keypad;
    }

    private static VBox rows(List<String> rows, Consumer<String> type) {
        VBox keyboard = new VBox(10);
        keyboard.setAlignment(Pos.CENTER);
        for (String row : rows) {
            HBox line = new HBox(10);
            line.setAlignment(Pos.CENTER);
            for (char c : row.toCharArray()) {
                String text = String.valueOf(c);
                line.getChildren().add(key(text, "key-" + text, () -> type.accept(text)));
            }
            keyboard.getChildren().add(line);
        }
        return keyboard;
    }

    private static Button key(String label, String id, Runnable action) {
        Button key = new Button(label);
        key.setId(id);
        key.getStyleClass().add("key");
        key.setFocusTraversable(false);
        key.setOnAction(event -> action.run());
        return key;
    }
}
