package dev.underlay.ui;

import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The line at the bottom of the main window: data folder, counts, background activity, last message. The counts
 * and added segments keep their whole words; the folder and the message give way, and the message opens whole
 * (with every earlier one) on a click. A problem is also shown as a notification over the window until closed.
 */
public final class StatusBar extends HBox {
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    /** The status message's style class; {@code :error} while it reports a problem. */
    public static final String MESSAGE = "status-message";
    private static final javafx.css.PseudoClass ERROR = javafx.css.PseudoClass.getPseudoClass("error");

    private final Label countLabel = new Label();
    private final MessageLog log = new MessageLog();

    /**
     * @param dataFolder the open data folder, as text
     * @param counts     a line such as "41 machines, 12 shown, 1 selected"
     * @param activity   the wrapped task runner whose running tasks show as a spinner
     */
    public StatusBar(String dataFolder, ObservableStringValue counts, ActivityTaskRunner activity) {
        setId("status-bar");
        getStyleClass().add(UiStyles.STATUS_BAR);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        Label folder = new Label(dataFolder, Icons.DATA_FOLDER.node());
        folder.setId("status-folder");
        Label count = countLabel;
        count.setId("status-counts");
        count.textProperty().bind(counts);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("status-busy");
        busy.setPrefSize(14, 14);
        busy.setMaxSize(14, 14);
        busy.visibleProperty().bind(activity.runningProperty().greaterThan(0));
        Label task = new Label();
        task.setId("status-task");
        task.textProperty().bind(activity.currentProperty());
        folder.setMaxWidth(420); // a long path gives way first (whole in its tooltip), the counts never do
        folder.setMinWidth(80);
        folder.setTooltip(new Tooltip(dataFolder));
        count.setMinWidth(Region.USE_PREF_SIZE);
        task.setMinWidth(0);
        Label last = new Label();
        last.setId("status-message");
        last.getStyleClass().add(MESSAGE);
        last.textProperty().bind(message);
        last.setMinWidth(0);
        last.setTooltip(new Tooltip());
        last.getTooltip().textProperty().bind(message.map(t -> t + "\n\n(click: every message of this session)"));
        last.getTooltip().setWrapText(true);
        last.getTooltip().setMaxWidth(640);
        last.setOnMouseClicked(e -> showLog());
        message.addListener((obs, o, n) -> {
            MessageLog.Entry entry = log.add(n);
            boolean problem = entry != null && entry.problem();
            last.pseudoClassStateChanged(ERROR, problem);
            last.setGraphic(problem ? Icons.ERROR.node() : null);
            if (problem && getScene() != null && getScene().getWindow() != null) {
                MessagesWindow.notify(getScene().getWindow(), entry, this::showLog);
            }
        });
        HBox.setHgrow(last, Priority.ALWAYS);
        last.setMaxWidth(Double.MAX_VALUE);
        last.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(folder, sep(), count, sep(), busy, task, gap(), last);
    }

    /** The messages of this session, newest first, in a window of their own. */
    public void showLog() {
        MessagesWindow.show(getScene() == null ? null : getScene().getWindow(), log);
    }

    /** Hides a problem notification that still shows (when the console closes). */
    public void dismissNotification() {
        if (getScene() != null && getScene().getWindow() != null) {
            MessagesWindow.dismiss(getScene().getWindow());
        }
    }

    /** Every message shown so far. */
    public MessageLog log() {
        return log;
    }

    /** Adds a bound text segment (such as the lab's state) after the counts. */
    public Label addSegment(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE); // "Lab stopped", never "Lab sto..."
        int at = getChildren().indexOf(countLabel) + 1;
        getChildren().addAll(at, java.util.List.of(sep(), l));
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(8);
        return r;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    /** The last message shown at the right; set it from the FX thread. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Shows a message (FX thread). */
    public void show(String text) {
        message.set(text);
    }
}
