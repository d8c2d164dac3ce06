package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.ui.log.JobLogPane;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The job window's content: the header (state, progress bar, counts, elapsed and time left, the controls), the
 * hosts x steps grid and the timeline, the failed hosts grouped by cause with a rerun of each group, and the job's
 * log ({@link JobLogPane}; a click on a cell or a failure group shows that host at that step). A right click on a
 * host's row offers to cancel that host alone. An {@link AnimationTimer} drains the view model once per pulse and redraws what changed.
 */
public final class JobWindow extends BorderPane {
    private final JobWindowViewModel vm;
    private final CanvasColours colours = new CanvasColours();
    private final JobGrid grid = new JobGrid(colours);
    private final JobTimeline timeline = new JobTimeline(colours);
    private final Supplier<Instant> clock;
    private long drawn = -1;
    private final ContextMenu hostMenu = new ContextMenu();
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse();
        }
    };

    public JobWindow(JobWindowViewModel vm, Supplier<Instant> clock) {
        this.vm = vm;
        this.clock = clock;
        setId("job-window");
        getStyleClass().add("job-window");
        setTop(header());
        grid.setOnChoose(vm::select);
        grid.setOnHostMenu(this::hostMenu);
        timeline.setOnHostMenu(this::hostMenu);
        colours.onChange(() -> {
            grid.redraw();
            timeline.redraw();
        });
        TabPane views = new TabPane(new Tab("Hosts \u00d7 steps", grid), new Tab("Timeline", timeline));
        views.setId("job-views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox left = new VBox(6, views, colours.legend());
        VBox.setVgrow(views, Priority.ALWAYS);
        SplitPane top = new SplitPane(left, failures());
        top.setDividerPositions(0.62);
        // the log below, the window's whole width: its tool bar and the groups beside the lines need it
        SplitPane main = new SplitPane(top, logArea());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.42);
        setCenter(main);
        BorderPane.setMargin(main, new Insets(0, 8, 8, 8));
        sceneProperty().addListener((o, a, s) -> {
            if (s == null) {
                pump.stop();
            } else {
                pump.start();
            }
        });
    }

    private VBox header() {
        Label title = new Label();
        title.setId("job-title");
        title.getStyleClass().add("title-4");
        title.textProperty().bind(vm.titleProperty());
        Label state = new Label();
        state.setId("job-state");
        state.textProperty().bind(vm.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("job-progress");
        bar.progressProperty().bind(vm.fractionProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label counts = new Label();
        counts.setId("job-counts");
        counts.textProperty().bind(vm.countsProperty());
        Label time = new Label();
        time.setId("job-time");
        time.textProperty().bind(vm.timeProperty());
        Label problem = new Label();
        problem.setId("job-problem");
        problem.getStyleClass().add("job-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(6,
                button("job-cancel", "Cancel job", vm::cancel, vm.canCancelProperty()),
                button("job-pause", "Pause", vm::pause, vm.canPauseProperty()),
                button("job-resume", "Resume", vm::resume, vm.canResumeProperty()),
                button("job-approve", "Approve next wave", vm::approve, vm.canApproveProperty()),
                button("job-rerun-failed", "Rerun failed", vm::rerunFailed, vm.canRerunProperty()));
        buttons.setMinWidth(Region.USE_PREF_SIZE); // a long title is cut, never the buttons ("...")
        title.setMinWidth(0);
        HBox line1 = new HBox(12, title, gap, buttons);
        line1.setAlignment(Pos.CENTER_LEFT);
        HBox line2 = new HBox(12, state, bar, counts, time);
        line2.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, line1, line2, problem);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("job-header");
        return box;
    }

    private static Button button(String id, String text, Runnable action,
                                 javafx.beans.value.ObservableBooleanValue enabled) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
        return b;
    }

    private VBox failures() {
        Label head = new Label("Failed hosts by cause");
        head.getStyleClass().add("job-section");
        ListView<JobProgress.FailureGroup> list = new ListView<>(vm.failures());
        list.setId("job-failures");
        list.setPlaceholder(new Label("No host failed."));
        list.setCellFactory(v -> new ListCell<>() {
            // as tall as the row's wrapped text at this cell's width: Labeled's own measure of a graphic gave a row of
            // five wrapped lines 73 of the 90 px it needs (JobFlowTest), cutting the first and last line
            @Override
            protected double computePrefHeight(double width) {
                javafx.scene.Node row = getGraphic();
                if (row == null || width < 0) {
                    return super.computePrefHeight(width);
                }
                return snappedTopInset() + row.prefHeight(width - snappedLeftInset() - snappedRightInset())
                        + snappedBottomInset();
            }

            @Override
            protected void updateItem(JobProgress.FailureGroup g, boolean empty) {
                super.updateItem(g, empty);
                if (empty || g == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label what = new Label(dev.underlay.inventory.Counted.of(g.hosts().size(), "host") + " at "
                        + (g.step() < 0 ? g.stepLabel() : "step " + (g.step() + 1) + " " + g.stepLabel()) + ": "
                        + g.cause() + "\n" + JobWindowViewModel.hostsText(g)
                        + (g.example().isEmpty() ? "" : "\n" + g.example()));
                what.setWrapText(true);
                what.setMaxWidth(Double.MAX_VALUE);
                what.setPrefWidth(0); // wrap to the list's width instead of widening it
                what.setMinHeight(Label.USE_PREF_SIZE);
                HBox.setHgrow(what, Priority.ALWAYS);
                Button rerun = new Button("Rerun these");
                rerun.getStyleClass().add("job-rerun-group");
                rerun.setOnAction(e -> vm.rerun(g));
                HBox row = new HBox(8, what, rerun);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        // from red to the reason: choosing a group shows its first host's log at the failed step
        list.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g != null && g.step() >= 0) {
                showCell(g.hosts().get(0), g.step());
            }
        });
        VBox box = new VBox(4, head, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        return box;
    }

    /** The job's log viewer, once the job was read (the step labels name its steps). */
    private BorderPane logArea() {
        BorderPane area = new BorderPane(new Label("Reading the job\u2026"));
        area.setId("job-log-area");
        vm.logProperty().subscribe(l -> {
            if (l != null && !(area.getCenter() instanceof JobLogPane)) {
                JobLogPane pane = new JobLogPane(l);
                pane.setId("job-log");
                area.setCenter(pane);
            }
        });
        return area;
    }

    /** A host's menu: cancel that host alone, enabled only while it is queued or running. */
    private void hostMenu(String host, javafx.scene.Node anchor, double x, double y) {
        MenuItem cancel = new MenuItem("Cancel host " + host);
        cancel.setId("job-cancel-host");
        cancel.setDisable(!vm.canCancelHost(host));
        cancel.setOnAction(e -> vm.cancelHost(host));
        hostMenu.hide();
        hostMenu.getItems().setAll(cancel);
        hostMenu.show(anchor, x, y);
    }

    private void showCell(String host, int step) {
        JobProgress p = vm.progressProperty().get();
        if (p != null && p.hostIndex(host) >= 0) {
            grid.choose(p.hostIndex(host), step);
        }
    }

    private void pulse() {
        vm.drain();
        JobProgress p = vm.progressProperty().get();
        if (p == null) {
            return;
        }
        if (p.version() != drawn) {
            drawn = p.version();
            grid.show(p);
            timeline.show(p, clock.get());
        } else if (!p.state().isFinal()) {
            timeline.show(p, clock.get()); // time moves on even when no host changed
        }
    }

    public JobWindowViewModel viewModel() {
        return vm;
    }

    /** Where on the screen the grid shows {@code host} at {@code step} (scrolled into sight): to click it. */
    public javafx.geometry.Point2D cellOnScreen(String host, int step) {
        return grid.localToScreen(grid.cellCentre(host, step));
    }

    /** Stops drawing and watching; the job goes on. */
    public void dispose() {
        pump.stop();
        vm.close();
    }
}
