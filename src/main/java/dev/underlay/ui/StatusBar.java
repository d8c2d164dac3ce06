package dev.underlay.ui;

import atlantafx.base.controls.Spacer;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;

/**
 * The line at the bottom of the main window: data folder, counts, background activity, last message.
 * Everything is bound; nothing here decides.
 */
public final class StatusBar extends HBox {
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final Label countLabel = new Label();

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
        Label last = new Label();
        last.setId("status-message");
        last.textProperty().bind(message);
        last.setMinWidth(0);
        getChildren().addAll(folder, sep(), count, sep(), busy, task, new Spacer(), last);
    }

    /** Adds a bound text segment (such as the lab's state) after the counts. */
    public Label addSegment(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        int at = getChildren().indexOf(countLabel) + 1;
        getChildren().addAll(at, java.util.List.of(sep(), l));
        return l;
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
