package dev.underlay.ui;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Where a message is read whole: a notification over the main window for a problem (it stays until closed, and
 * offers every message), and the session's messages, newest first, in a window of their own.
 */
public final class MessagesWindow {
    /** The one notification showing, per owner window: a new problem replaces it. */
    private static final java.util.Map<Window, Popup> SHOWING = new java.util.WeakHashMap<>();

    private MessagesWindow() {
    }

    /** Shows a problem over the bottom right of {@code owner} until it is closed or another one comes. */
    public static void notify(Window owner, MessageLog.Entry entry, Runnable openLog) {
        Popup old = SHOWING.remove(owner);
        if (old != null) {
            old.hide();
        }
        Notification n = new Notification(entry.text(), Icons.ERROR.node());
        n.setId("problem-notification");
        n.getStyleClass().addAll(Styles.DANGER, Styles.ELEVATED_1);
        n.setPrefWidth(460);
        n.setMaxWidth(460);
        Button all = new Button("All messages\u2026");
        all.setId("problem-all-messages");
        all.getStyleClass().add(Styles.SMALL);
        all.setOnAction(e -> openLog.run());
        n.setPrimaryActions(all);
        Popup p = new Popup();
        p.getContent().add(n);
        p.setAutoHide(false);
        n.setOnClose(e -> p.hide());
        p.setOnShown(e -> {
            p.setX(owner.getX() + owner.getWidth() - p.getWidth() - 16);
            p.setY(owner.getY() + owner.getHeight() - p.getHeight() - 44);
        });
        SHOWING.put(owner, p);
        p.show(owner);
        owner.requestFocus(); // a notification is read, not typed into: the keys stay with the window
    }

    /** Hides the notification over {@code owner}, if one shows (the console closing). */
    public static void dismiss(Window owner) {
        Popup p = SHOWING.remove(owner);
        if (p != null) {
            p.hide();
        }
    }

    /** The messages of the session, newest first, wrapped, in a window that stays open beside the console. */
    public static void show(Window owner, MessageLog log) {
        ListView<MessageLog.Entry> list = new ListView<>();
        list.setId("messages-list");
        list.getItems().setAll(newestFirst(log.entries()));
        log.entries().addListener((ListChangeListener<MessageLog.Entry>) c -> list.getItems().setAll(
                newestFirst(log.entries())));
        list.setPlaceholder(new javafx.scene.control.Label("No messages yet."));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(MessageLog.Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.toString());
                setWrapText(true);
                setPrefWidth(0);
                pseudoClassStateChanged(UiStyles.INVALID, !empty && e != null && e.problem());
            }
        });
        Button close = new Button("Close");
        javafx.scene.layout.BorderPane root = new javafx.scene.layout.BorderPane(list);
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(close);
        bar.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(8));
        root.setBottom(bar);
        root.getStyleClass().add(UiStyles.APP_ROOT);
        Stage w = new Stage();
        if (owner != null) {
            w.initOwner(owner);
        }
        w.setTitle("Messages");
        Scene scene = new Scene(root, 720, 420);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        close.setOnAction(e -> w.close());
        WindowKeys.closeWithShortcutOrEscape(w);
        w.setScene(scene);
        w.show();
    }

    private static List<MessageLog.Entry> newestFirst(List<MessageLog.Entry> entries) {
        List<MessageLog.Entry> out = new java.util.ArrayList<>(entries);
        java.util.Collections.reverse(out);
        return out;
    }
}
