package dev.underlay.automation.ui.jobs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongConsumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/**
 * The Jobs area: the jobs table (state, title, target, ok, failed, running, started, duration), read again once a
 * second while something moves; a double-click or Open opens the job's window, live or from the database.
 */
public final class JobsView extends BorderPane {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final JobsViewModel vm;
    private final TableView<JobsViewModel.JobRow> table = new TableView<>();
    private final Timeline ticks;
    private boolean disposed;

    /**
     * @param open      opens a job's window
     * @param startNew  opens the start dialog
     */
    public JobsView(JobsViewModel vm, LongConsumer open, Runnable startNew) {
        this.vm = vm;
        setId("jobs-view");
        getStyleClass().add("jobs-view");
        table.setId("jobs-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No job yet: select machines and choose Run workflow or task\u2026"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<JobsViewModel.JobRow, String> state = column("State", r -> r.state().name()
                .toLowerCase(java.util.Locale.ROOT).replace('_', ' '), 110);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                for (var js : dev.underlay.automation.jobs.JobState.values()) {
                    pseudoClassStateChanged(PseudoClass.getPseudoClass("job-" + js.name().toLowerCase(
                            java.util.Locale.ROOT).replace('_', '-')), !empty && s != null && js.name()
                            .equalsIgnoreCase(s.replace(' ', '_')));
                }
            }
        });
        state.getStyleClass().add("job-state-column");
        table.getColumns().add(state);
        table.getColumns().add(column("#", r -> Long.toString(r.id()), 50));
        table.getColumns().add(column("Title", JobsViewModel.JobRow::title, 220));
        table.getColumns().add(column("Target", JobsViewModel.JobRow::target, 200));
        table.getColumns().add(column("Ok", r -> Integer.toString(r.ok()), 60));
        table.getColumns().add(column("Failed", r -> Integer.toString(r.failed()), 60));
        table.getColumns().add(column("Running", r -> Integer.toString(r.running()), 70));
        table.getColumns().add(column("Started", r -> STARTED.format(r.started()), 150));
        table.getColumns().add(column("Duration", r -> Durations.text(r.duration(vm.now())), 90));
        table.setRowFactory(t -> {
            TableRow<JobsViewModel.JobRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().id());
                }
            });
            return row;
        });
        Button run = new Button("Run workflow or task\u2026");
        run.setId("jobs-run");
        run.setOnAction(e -> startNew.run());
        Button openButton = new Button("Open");
        openButton.setId("jobs-open");
        openButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openButton.setOnAction(e -> open.accept(table.getSelectionModel().getSelectedItem().id()));
        Label problem = new Label();
        problem.getStyleClass().add("job-field-error");
        problem.textProperty().bind(vm.problemProperty());
        setTop(new ToolBar(run, openButton, problem));
        setCenter(table);
        BorderPane.setMargin(table, new Insets(0, 8, 8, 8));
        ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        sceneProperty().addListener((o, a, s) -> {
            if (s == null || disposed) {
                ticks.stop();
            } else {
                vm.refresh();
                ticks.play();
            }
        });
    }

    private void tick() {
        Long selected = table.getSelectionModel().getSelectedItem() == null ? null
                : table.getSelectionModel().getSelectedItem().id();
        vm.tick();
        if (selected != null) {
            // a new read replaces the rows: keep the same job selected
            vm.rows().stream().filter(r -> r.id() == selected).findFirst()
                    .filter(r -> table.getSelectionModel().getSelectedItem() != r)
                    .ifPresent(r -> table.getSelectionModel().select(r));
        }
        if (vm.rows().stream().anyMatch(r -> !r.state().isFinal())) {
            table.refresh(); // durations of running jobs move on
        }
    }

    /** Stops reading the list (the console closes). */
    public void dispose() {
        disposed = true;
        ticks.stop();
    }

    private static TableColumn<JobsViewModel.JobRow, String> column(String title,
                                                                    Function<JobsViewModel.JobRow, String> value,
                                                                    double width) {
        TableColumn<JobsViewModel.JobRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public TableView<JobsViewModel.JobRow> table() {
        return table;
    }

    public JobsViewModel viewModel() {
        return vm;
    }
}
