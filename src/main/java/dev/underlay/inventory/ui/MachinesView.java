package dev.underlay.inventory.ui;

import dev.underlay.inventory.Machine;
import dev.underlay.ui.Dialogs;
import dev.underlay.ui.UiStyles;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;

/**
 * The Machines area: search and table on the left, the detail pane on the right (the form for one machine, the
 * bulk edit for several, a hint for none). Offers the actions the menus and shortcuts call.
 */
public final class MachinesView extends SplitPane {
    private final MachinesViewModel machines;
    private final MachineFormViewModel form;
    private final MachineTableView tableView;
    private final MachineFormView formView;
    private final BulkEditView bulkView;
    private final Label empty = new Label("Select a machine to see its details and resolved params,\n"
            + "or press Ctrl+N to create one.");
    private final StackPane detail = new StackPane();

    public MachinesView(MachinesViewModel machines, MachineFormViewModel form, BulkEditViewModel bulk) {
        this.machines = machines;
        this.form = form;
        this.tableView = new MachineTableView(machines);
        this.formView = new MachineFormView(form);
        this.bulkView = new BulkEditView(bulk, machines.selection());
        setId("machines-view");
        empty.getStyleClass().add(UiStyles.MUTED);
        StackPane.setAlignment(empty, Pos.CENTER);
        detail.getStyleClass().add("detail-pane");
        formView.setOnDelete(this::deleteSelected);
        bulkView.setOnDelete(this::deleteSelected);
        tableView.table().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                e.consume();
                deleteSelected();
            }
        });
        machines.selection().addListener((ListChangeListener<Machine>) c -> selectionChanged());
        form.modeProperty().addListener((obs, o, n) -> showDetail());
        getItems().addAll(tableView, detail);
        setDividerPositions(0.6);
        showDetail();
    }

    private void selectionChanged() {
        List<Machine> sel = machines.selection();
        if (sel.size() == 1) {
            Machine m = sel.get(0);
            Machine shown = form.originalProperty().get();
            if (form.modeProperty().get() != MachineFormViewModel.Mode.EDIT || shown == null
                    || !shown.name().equals(m.name())) {
                form.edit(m);
            }
        } else if (form.modeProperty().get() != MachineFormViewModel.Mode.EMPTY && !sel.isEmpty()) {
            // several rows chosen: the bulk edit, also after Ctrl+N (choosing rows leaves the new machine, as
            // choosing one row does)
            form.edit(null);
        } else if (form.modeProperty().get() == MachineFormViewModel.Mode.EDIT) {
            form.edit(null);
        }
        showDetail();
    }

    private void showDetail() {
        Node show;
        if (form.modeProperty().get() == MachineFormViewModel.Mode.CREATE) {
            show = formView;
        } else if (machines.selection().size() > 1) {
            show = bulkView;
        } else if (form.modeProperty().get() == MachineFormViewModel.Mode.EDIT) {
            show = formView;
        } else {
            show = empty;
        }
        if (detail.getChildren().size() != 1 || detail.getChildren().get(0) != show) {
            detail.getChildren().setAll(show);
        }
    }

    /** Called with an area ({@code profiles}, {@code clusters}) and a name when the form opens one. */
    public void setOnOpen(java.util.function.BiConsumer<String, String> action) {
        formView.setOnOpen(action);
    }

    /** Selects a machine, clearing the search when it hides the machine. */
    public void openMachine(String name) {
        if (machines.rows().stream().noneMatch(m -> m.name().equals(name))) {
            machines.queryProperty().set("");
        }
        machines.requestSelect(List.of(name));
    }

    /** Ctrl+F. */
    public void focusSearch() {
        tableView.focusSearch();
    }

    /** Ctrl+N: an empty form for a new machine. */
    public void newMachine() {
        form.create();
        formView.requestFocus();
        lookupAll("#field-name").stream().findFirst().ifPresent(Node::requestFocus);
    }

    /** Ctrl+S. */
    public void save() {
        form.save();
    }

    /** Delete: asks, then deletes the selected machines. */
    public void deleteSelected() {
        List<Machine> sel = List.copyOf(machines.selection());
        if (sel.isEmpty()) {
            return;
        }
        String what = sel.size() == 1 ? "machine " + sel.get(0).name() : sel.size() + " machines";
        if (Dialogs.confirm(getScene() == null ? null : getScene().getWindow(), "Delete " + what + "?",
                "Delete " + what + " from the inventory? This cannot be undone.", "Delete")) {
            machines.deleteSelected();
        }
    }

    public MachineTableView tableView() {
        return tableView;
    }

    /** Adds another feature's section (the facts) below the form; it is given the machine the form shows. */
    public void addFormSection(java.util.function.Function<javafx.beans.value.ObservableValue<
            dev.underlay.inventory.Machine>, javafx.scene.Node> section) {
        formView.addSection(section.apply(form.originalProperty()));
    }
}
