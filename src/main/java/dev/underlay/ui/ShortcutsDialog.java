package dev.underlay.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help &gt; Keyboard shortcuts: a table of {@link ShortcutsViewModel#rows()}, not modal, so it can stay open. */
public final class ShortcutsDialog {
    private final Stage stage = new Stage();

    public ShortcutsDialog(Window owner, ShortcutsViewModel vm) {
        stage.initOwner(owner);
        stage.setTitle("Keyboard shortcuts");
        stage.getIcons().setAll(AppIcon.images());
        TableView<ShortcutsViewModel.Row> table = new TableView<>(FXCollections.observableList(vm.rows()));
        table.setId("shortcuts-table");
        table.getColumns().add(column("Keys", 130, ShortcutsViewModel.Row::keys));
        table.getColumns().add(column("Action", 330, ShortcutsViewModel.Row::action));
        table.getColumns().add(column("Where", 110, ShortcutsViewModel.Row::area));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(table, Priority.ALWAYS);
        Button close = new Button("Close");
        close.setId("shortcuts-close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, table, buttons);
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 640, 500);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        WindowKeys.closeWithShortcutOrEscape(stage);
        stage.setScene(scene);
    }

    /** Shows the list, or brings it to the front. */
    public void show() {
        stage.show();
        stage.toFront();
    }

    private static TableColumn<ShortcutsViewModel.Row, String> column(String title, double width,
            Function<ShortcutsViewModel.Row, String> value) {
        TableColumn<ShortcutsViewModel.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
