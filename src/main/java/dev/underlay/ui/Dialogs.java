package dev.underlay.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Small modal dialogs: an error sentence, a yes/no confirmation. Never a stack trace. */
public final class Dialogs {
    private Dialogs() {
    }

    /** Shows a one-sentence error and waits until it is closed. */
    public static void error(Window owner, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        prepare(a, owner, title);
        a.showAndWait();
    }

    /** Asks before a destructive action; true when the user chose {@code action}. */
    public static boolean confirm(Window owner, String title, String message, String action) {
        ButtonType yes = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, yes, ButtonType.CANCEL);
        prepare(a, owner, title);
        return a.showAndWait().filter(yes::equals).isPresent();
    }

    private static void prepare(Alert a, Window owner, String title) {
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setMinWidth(460);
        a.getDialogPane().setPrefWidth(520);
    }
}
