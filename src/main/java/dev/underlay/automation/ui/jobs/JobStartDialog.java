package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.FailurePolicy;
import java.util.function.LongConsumer;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The start dialog's content: what to run, on which machines, how (strategy, waves, max-fail, failure policy, dry
 * run, rehearsal), each problem in words beside its field, and the hosts and waves the job will make before
 * Start. Binds and forwards to {@link JobStartViewModel}.
 */
public final class JobStartDialog extends BorderPane {
    private final JobStartViewModel vm;

    /**
     * @param started told the new job's id (to open its window)
     * @param close   closes the dialog (after a start, or on Cancel)
     */
    public JobStartDialog(JobStartViewModel vm, LongConsumer started, Runnable close) {
        this.vm = vm;
        setId("job-start-dialog");
        getStyleClass().add("job-start");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(6);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow(), errors());
        ComboBox<String> plan = new ComboBox<>(vm.plans());
        plan.setId("job-start-plan");
        plan.setEditable(true);
        plan.setPromptText("workflow or task");
        plan.setMaxWidth(Double.MAX_VALUE);
        plan.valueProperty().bindBidirectional(vm.planProperty());
        row(form, 0, "Workflow or task", plan, error("job-start-plan-error", vm.planErrorProperty()));
        TextField target = new TextField();
        target.setId("job-start-target");
        target.setPromptText("a search: rack:fra1-r01 role:worker, or names: web[01-04]");
        target.textProperty().bindBidirectional(vm.targetProperty());
        row(form, 1, "Target", target, error("job-start-target-error", vm.targetErrorProperty()));
        ChoiceBox<JobStartViewModel.Mode> mode = new ChoiceBox<>(FXCollections.observableArrayList(
                JobStartViewModel.Mode.values()));
        mode.setId("job-start-mode");
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        row(form, 2, "Strategy", mode, new Label());
        var rolling = vm.modeProperty().isEqualTo(JobStartViewModel.Mode.ROLLING);
        TextField wave = new TextField();
        wave.setId("job-start-wave");
        wave.setPromptText("10 hosts, or 25%");
        wave.textProperty().bindBidirectional(vm.waveProperty());
        ComboBox<String> by = new ComboBox<>(vm.domains());
        by.setId("job-start-wave-by");
        by.setEditable(true);
        by.setPromptText("by rack or a param (optional)");
        by.valueProperty().bindBidirectional(vm.waveByProperty());
        HBox waves = new HBox(8, wave, by);
        HBox.setHgrow(wave, Priority.ALWAYS);
        HBox.setHgrow(by, Priority.ALWAYS);
        by.setMaxWidth(Double.MAX_VALUE);
        waves.disableProperty().bind(rolling.not());
        row(form, 3, "Wave size, waves by", waves, error("job-start-wave-error", vm.waveErrorProperty()));
        TextField maxFail = new TextField();
        maxFail.setId("job-start-max-fail");
        maxFail.setPromptText("e.g. 10%: a wave failing more stops");
        maxFail.textProperty().bindBidirectional(vm.maxFailProperty());
        CheckBox approve = new CheckBox("Approve each wave after the first");
        approve.setId("job-start-approve");
        approve.selectedProperty().bindBidirectional(vm.approveProperty());
        HBox fail = new HBox(8, maxFail, approve);
        HBox.setHgrow(maxFail, Priority.ALWAYS);
        approve.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        fail.setAlignment(Pos.CENTER_LEFT);
        fail.disableProperty().bind(rolling.not());
        row(form, 4, "Max-fail per wave", fail, error("job-start-max-fail-error", vm.maxFailErrorProperty()));
        ChoiceBox<FailurePolicy> policy = new ChoiceBox<>(FXCollections.observableArrayList(FailurePolicy.values()));
        policy.setId("job-start-policy");
        policy.valueProperty().bindBidirectional(vm.policyProperty());
        policy.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(FailurePolicy p) {
                return p == null ? "" : switch (p) {
                    case CONTINUE -> "continue the other hosts";
                    case STOP -> "stop the job";
                    case PAUSE -> "pause the job";
                };
            }

            @Override
            public FailurePolicy fromString(String s) {
                return FailurePolicy.parse(s);
            }
        });
        row(form, 5, "When a host fails", policy, new Label());
        CheckBox dry = new CheckBox("Dry run: render every step for every host, connect nowhere");
        dry.setId("job-start-dry-run");
        dry.selectedProperty().bindBidirectional(vm.dryRunProperty());
        CheckBox rehearse = new CheckBox("Rehearse on the lab's twins of these machines");
        rehearse.setId("job-start-rehearse");
        rehearse.selectedProperty().bindBidirectional(vm.rehearseProperty());
        form.add(new VBox(4, dry, rehearse), 1, 6, 2, 1);

        Label preview = new Label();
        preview.setId("job-start-preview");
        preview.getStyleClass().add("job-start-preview");
        preview.textProperty().bind(vm.previewProperty());
        preview.setWrapText(true);
        Label startError = error("job-start-error", vm.startErrorProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("job-start-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        Button start = new Button("Start");
        start.setId("job-start-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start(id -> {
            close.run();
            started.accept(id);
        }));
        HBox buttons = new HBox(8, cancel, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bottom = new VBox(8, preview, startError, buttons);
        setCenter(form);
        setBottom(bottom);
        setPadding(new Insets(14));
        BorderPane.setMargin(bottom, new Insets(12, 0, 0, 0));
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        c.setPercentWidth(-1);
        return c;
    }

    /** The reasons' column: as wide as a short sentence, wrapping beyond; it never takes the fields' room. */
    private static ColumnConstraints errors() {
        ColumnConstraints c = new ColumnConstraints();
        c.setPrefWidth(240);
        c.setMinWidth(160);
        return c;
    }

    private static void row(GridPane form, int r, String label, Node field, Node error) {
        Label name = new Label(label);
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Wave size, waves by", never "Wave size, wav…"
        form.add(name, 0, r);
        form.add(field, 1, r);
        form.add(error, 2, r);
        if (field instanceof javafx.scene.layout.Region reg) {
            reg.setMaxWidth(Double.MAX_VALUE);
        }
    }

    private static Label error(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("job-field-error");
        l.setWrapText(true);
        l.setMaxWidth(360);
        l.textProperty().bind(text);
        return l;
    }

    public JobStartViewModel viewModel() {
        return vm;
    }
}
