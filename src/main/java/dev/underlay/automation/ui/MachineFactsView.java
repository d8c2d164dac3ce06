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
 * The facts section below the machine form: the chosen run's facts in a grid, and the runs to choose from (the
 * history per run), newest first.
 */
public final class MachineFactsView extends VBox {
    private final GridPane grid = new GridPane();

    public MachineFactsView(MachineFactsViewModel vm) {
        super(8);
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
        vm.shownProperty().subscribe(this::show);
        getChildren().addAll(new HBox(8, title, runs, reload), status, grid);
    }

    /** The section for the machine form, following the machine it is given. */
    public static java.util.function.Function<javafx.beans.value.ObservableValue<dev.underlay.inventory.Machine>,
            javafx.scene.Node> section(dev.underlay.automation.facts.FactsService facts,
                                       dev.underlay.background.TaskRunner tasks) {
        return m -> new MachineFactsView(new MachineFactsViewModel(facts, tasks, m));
    }

    private void show(MachineFacts f) {
        grid.getChildren().clear();
        if (f == null) {
            return;
        }
        int row = 0;
        for (String[] r : MachineFactsViewModel.rows(f)) {
            Label name = new Label(r[0]);
            name.getStyleClass().add(UiStyles.MUTED);
            Label value = new Label(r[1]);
            value.setId("fact-" + r[0].toLowerCase(java.util.Locale.ROOT));
            value.setWrapText(true);
            grid.addRow(row++, name, value);
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
