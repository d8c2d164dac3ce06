package dev.underlay.inventory.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.ui.Icons;
import dev.underlay.ui.UiStyles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The detail pane for a multi-selection: one edit for every selected machine. Binds and forwards. */
public final class BulkEditView extends VBox {
    private final Button delete = new Button("Delete selected", Icons.DELETE.node());

    public BulkEditView(BulkEditViewModel vm, ObservableList<?> selection) {
        Label title = new Label();
        title.setId("bulk-title");
        title.getStyleClass().addAll(UiStyles.FORM_TITLE, Styles.TITLE_3);
        title.textProperty().bind(Bindings.size(selection).asString("%d machines selected"));
        Label hint = new Label("Tags and profiles are separated by commas or spaces. The change applies to every "
                + "selected machine, or to none if any of them refuses it.");
        hint.setWrapText(true);
        hint.getStyleClass().add(UiStyles.MUTED);

        GridPane grid = new GridPane();
        grid.getStyleClass().add(UiStyles.FORM);
        grid.setHgap(10);
        grid.setVgap(8);
        row(grid, 0, "Add tags", "bulk-add-tags", vm.addTagsProperty());
        row(grid, 1, "Remove tags", "bulk-remove-tags", vm.removeTagsProperty());
        row(grid, 2, "Add profiles", "bulk-add-profiles", vm.addProfilesProperty());
        row(grid, 3, "Remove profiles", "bulk-remove-profiles", vm.removeProfilesProperty());
        ComboBox<MachineStatus> status = new ComboBox<>();
        status.setId("bulk-status");
        status.getItems().add(null);
        status.getItems().addAll(MachineStatus.values());
        status.setPromptText("keep each machine's status");
        status.setButtonCell(statusCell());
        status.setCellFactory(l -> statusCell());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        Label statusLabel = new Label("Set status");
        statusLabel.getStyleClass().add(UiStyles.MUTED);
        grid.add(statusLabel, 0, 4);
        grid.add(status, 1, 4);
        GridPane.setHgrow(status, Priority.ALWAYS);

        Label error = new Label();
        error.setId("bulk-error");
        error.getStyleClass().add(UiStyles.FIELD_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button apply = new Button("Apply to selection", Icons.TAGS.node());
        apply.setId("bulk-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(vm.busyProperty());
        apply.setOnAction(e -> vm.apply());
        delete.setId("bulk-delete");
        delete.getStyleClass().add(Styles.DANGER);
        setSpacing(12);
        getChildren().addAll(title, hint, grid, error, new HBox(8, apply, delete));
        getStyleClass().add("machine-detail");
    }

    /** Called for "Delete selected"; the owner asks for confirmation. */
    public void setOnDelete(Runnable action) {
        delete.setOnAction(e -> action.run());
    }

    private static ListCell<MachineStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(MachineStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? "" : s == null ? "keep each machine's status" : s.id());
            }
        };
    }

    private static void row(GridPane grid, int r, String label, String id, StringProperty p) {
        Label l = new Label(label);
        l.getStyleClass().add(UiStyles.MUTED);
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(p);
        grid.add(l, 0, r);
        grid.add(t, 1, r);
        GridPane.setHgrow(t, Priority.ALWAYS);
    }
}
