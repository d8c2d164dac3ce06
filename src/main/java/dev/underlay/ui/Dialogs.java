package dev.underlay.ui;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Small modal dialogs: an error sentence, a confirmation before a destructive action. Never a stack trace. A
 * confirmation defaults to Cancel (Enter never deletes), shows a warning sign rather than a question mark, and
 * sets lines indented by four spaces (fingerprints, keys) in a fixed-width font, unwrapped.
 */
public final class Dialogs {
    /** The style class of the dialog's text: one label per paragraph, {@link UiStyles#FINGERPRINT} for keys. */
    public static final String MESSAGE = "dialog-message";

    private Dialogs() {
    }

    /** Shows a one-sentence error and waits until it is closed. */
    public static void error(Window owner, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        prepare(a, owner, title, message);
        a.showAndWait();
    }

    /** Asks before a destructive action; true when the user chose {@code action}. Cancel is the default. */
    public static boolean confirm(Window owner, String title, String message, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.WARNING, "", yes, ButtonType.CANCEL);
        prepare(a, owner, title, message);
        Button destructive = (Button) a.getDialogPane().lookupButton(yes);
        destructive.setDefaultButton(false);
        destructive.getStyleClass().add(Styles.DANGER);
        Button cancel = (Button) a.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        a.setOnShown(e -> cancel.requestFocus());
        return a.showAndWait().filter(yes::equals).isPresent();
    }

    /** The message as labels: prose wraps, indented lines (key material) keep one fixed-width line each. */
    static List<Label> paragraphs(String message) {
        List<Label> out = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        for (String line : message.split("\n", -1)) {
            boolean mono = line.startsWith("    ");
            if (mono || line.isBlank()) {
                flush(prose, out);
            }
            if (mono) {
                Label key = new Label(line.strip());
                key.getStyleClass().addAll(MESSAGE, UiStyles.FINGERPRINT);
                key.setMinWidth(Region.USE_PREF_SIZE);
                key.setPadding(new javafx.geometry.Insets(0, 0, 0, 16));
                out.add(key);
            } else if (!line.isBlank()) {
                prose.append(prose.length() == 0 ? "" : " ").append(line);
            }
        }
        flush(prose, out);
        return out;
    }

    private static void flush(StringBuilder prose, List<Label> out) {
        if (prose.length() > 0) {
            Label l = new Label(prose.toString());
            l.getStyleClass().add(MESSAGE);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            out.add(l);
            prose.setLength(0);
        }
    }

    /**
     * Every button shows its whole text: a ButtonBar gives its buttons one width and cut "Write JSON to
     * export.csv" to "Write JSON to ex…" in a 560-pixel dialog. Just before the dialog is sized, each button keeps
     * its own width and the pane grows to hold them all.
     */
    public static void wholeButtons(Dialog<?> d) {
        d.addEventHandler(DialogEvent.DIALOG_SHOWING, e -> {
            DialogPane pane = d.getDialogPane();
            pane.applyCss();
            for (ButtonType t : pane.getButtonTypes()) {
                if (pane.lookupButton(t) instanceof Button b) {
                    ButtonBar.setButtonUniformSize(b, false);
                    b.setMinWidth(Region.USE_PREF_SIZE);
                }
            }
            if (pane.lookup(".button-bar") instanceof ButtonBar bar) {
                double need = bar.prefWidth(-1) + pane.snappedLeftInset() + pane.snappedRightInset() + 24;
                if (need > pane.getPrefWidth()) {
                    pane.setPrefWidth(need);
                }
                pane.setMinWidth(Math.max(pane.getMinWidth(), need));
            }
        });
    }

    private static void prepare(Alert a, Window owner, String title, String message) {
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(title);
        VBox content = new VBox(8);
        content.getChildren().addAll(paragraphs(message).toArray(Node[]::new));
        a.getDialogPane().setContent(content);
        a.getDialogPane().setMinWidth(460);
        a.getDialogPane().setPrefWidth(620);
        a.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        a.setResizable(true);
        wholeButtons(a);
    }
}
