package dev.underlay.automation.ui;

import dev.underlay.automation.facts.MachineFacts;
import dev.underlay.ui.UiStyles;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The facts section below the machine form: the chosen run's facts in a grid, the runs to choose from (the
 * history per run), newest first, and what differs from another run (by default the one before it), each changed
 * fact marked in the grid and listed with its old and new value.
 */
public final class MachineFactsView extends VBox {
    /** Style class of a fact that differs from the compared run. */
    static final String CHANGED = "fact-changed";
    private final GridPane grid = new GridPane();
    private final VBox changes = new VBox(2);
    private final Label summary = new Label();
    private final MachineFactsViewModel vm;

    public MachineFactsView(MachineFactsViewModel vm) {
        super(8);
        this.vm = vm;
        setId("machine-facts");
        Label title = new Label("Facts");
        title.getStyleClass().add(UiStyles.SECTION);
        ComboBox<MachineFacts> runs = new ComboBox<>(vm.history());
        runs.setId("facts-runs");
        runs.setPromptText("runs");
        runs.setCellFactory(l -> new RunCell());
        runs.setButtonCell(new RunCell());
        runs.valueProperty().bindBidirectional(vm.shownProperty());
        runs.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.history()));
        Button reload = new Button("Reload");
        reload.setId("facts-reload");
        reload.setOnAction(e -> vm.reload());
        Label status = new Label();
        status.setId("facts-status");
        status.getStyleClass().add(UiStyles.MUTED);
        status.setWrapText(true); // read whole in a narrow form, not cut to "run the facts workflow o..."
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        grid.setHgap(12);
        grid.setVgap(4);
        ComboBox<MachineFacts> compare = new ComboBox<>(vm.history());
        compare.setId("facts-compare");
        compare.setPromptText("no run");
        compare.setCellFactory(l -> new RunCell());
        compare.setButtonCell(new RunCell());
        compare.valueProperty().bindBidirectional(vm.comparedProperty());
        compare.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.history()).lessThan(2));
        Label against = new Label("Compared with");
        against.getStyleClass().add(UiStyles.MUTED);
        HBox compareRow = new HBox(8, against, compare);
        compareRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        compareRow.visibleProperty().bind(javafx.beans.binding.Bindings.size(vm.history()).greaterThan(1));
        compareRow.managedProperty().bind(compareRow.visibleProperty());
        changes.setId("facts-changes");
        // a machine with fewer than two runs has nothing to compare: the form keeps the height it had
        changes.visibleProperty().bind(vm.changeSummaryProperty().isNotEmpty());
        changes.managedProperty().bind(changes.visibleProperty());
        summary.setId("facts-change-summary");
        summary.getStyleClass().add(UiStyles.MUTED);
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.changeSummaryProperty());
        summary.visibleProperty().bind(vm.changeSummaryProperty().isNotEmpty());
        summary.managedProperty().bind(summary.visibleProperty());
        vm.shownProperty().subscribe(f -> show());
        vm.changesProperty().subscribe(c -> show());
        getChildren().addAll(new HBox(8, title, runs, reload), status, grid, compareRow, changes);
    }

    /** The section for the machine form, following the machine it is given. */
    public static java.util.function.Function<javafx.beans.value.ObservableValue<dev.underlay.inventory.Machine>,
            javafx.scene.Node> section(dev.underlay.automation.facts.FactsService facts,
                                       dev.underlay.background.TaskRunner tasks) {
        return m -> new MachineFactsView(new MachineFactsViewModel(facts, tasks, m));
    }

    private void show() {
        MachineFacts f = vm.shownProperty().get();
        grid.getChildren().clear();
        changes.getChildren().clear();
        changes.getChildren().add(summary);
        if (f == null) {
            return;
        }
        java.util.Set<String> changed = new java.util.HashSet<>();
        vm.changesProperty().get().forEach(c -> changed.add(c.row()));
        int row = 0;
        for (String[] r : MachineFactsViewModel.rows(f)) {
            Label name = new Label(r[0]);
            name.getStyleClass().add(UiStyles.MUTED);
            Label value = new Label(r[1]);
            value.setId("fact-" + r[0].toLowerCase(java.util.Locale.ROOT));
            value.setWrapText(true);
            if (changed.contains(r[0])) {
                value.getStyleClass().add(CHANGED);
            }
            grid.addRow(row++, name, value);
        }
        for (String line : MachineFactsViewModel.changeLines(vm.changesProperty().get())) {
            Label l = new Label(line);
            l.getStyleClass().addAll("fact-change", CHANGED);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            changes.getChildren().add(l);
        }
    }

    private static final class RunCell extends ListCell<MachineFacts> {
        @Override
        protected void updateItem(MachineFacts f, boolean empty) {
            super.updateItem(f, empty);
            setText(empty || f == null ? null : MachineFactsViewModel.run(f));
        }
    }
}
