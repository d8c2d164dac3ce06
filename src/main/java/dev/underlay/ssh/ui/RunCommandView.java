package dev.underlay.ssh.ui;

import atlantafx.base.theme.Styles;
import dev.underlay.ui.UiStyles;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.css.PseudoClass;

/**
 * The run view: command, forks and timeout on top; the hosts table and the output pane (both virtualized) in the
 * middle; progress, Cancel and the end summary at the bottom. An {@link AnimationTimer} drains the view model
 * once per pulse while a run is active, so a flood of output costs one list change per frame.
 */
public final class RunCommandView extends BorderPane {
    private static final List<PseudoClass> STATES = Arrays.stream(HostRun.State.values())
            .map(s -> PseudoClass.getPseudoClass("run-" + s.id())).toList();

    private final RunCommandViewModel vm;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.drain();
            if (!vm.active()) {
                stop();
            }
        }
    };

    public RunCommandView(RunCommandViewModel vm) {
        this.vm = vm;
        setId("run-command-view");
        getStyleClass().add("run-command-view");
        TextField command = new TextField();
        command.setId("run-command");
        command.setPromptText("Command, e.g. uname -a");
        command.textProperty().bindBidirectional(vm.commandProperty());
        HBox.setHgrow(command, Priority.ALWAYS);
        Spinner<Integer> forks = new Spinner<>(1, 500, vm.forksProperty().get());
        forks.setId("run-forks");
        forks.setEditable(true);
        forks.setPrefWidth(90);
        forks.valueProperty().addListener((o, a, b) -> vm.forksProperty().set(b));
        Spinner<Integer> timeout = new Spinner<>(0, 86_400, vm.timeoutSecondsProperty().get());
        timeout.setId("run-timeout");
        timeout.setEditable(true);
        timeout.setPrefWidth(100);
        timeout.valueProperty().addListener((o, a, b) -> vm.timeoutSecondsProperty().set(b));
        Button run = new Button("Run");
        run.setId("run-start");
        run.setDefaultButton(true);
        run.getStyleClass().add(Styles.ACCENT);
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> {
            if (vm.start()) {
                pump.start();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("run-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        timeout.setTooltip(new javafx.scene.control.Tooltip("Seconds a host may take; 0: no limit"));
        HBox form = new HBox(8, new Label("Command"), command, new Label("Forks"), forks,
                new Label("Timeout (s, 0 none)"), timeout, run, cancel);
        form.setAlignment(Pos.CENTER_LEFT);
        TextField target = new TextField();
        target.setId("run-target");
        target.setPromptText("Machines: a query or node set, e.g. rack:fra1-r01 or fra1-k8s-w[01-06]");
        target.textProperty().bindBidirectional(vm.targetProperty());
        target.disableProperty().bind(vm.runningProperty());
        HBox.setHgrow(target, Priority.ALWAYS);
        Label count = new Label();
        count.setId("run-target-count");
        count.textProperty().bind(vm.targetInfoProperty());
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.setMaxWidth(560);
        count.pseudoClassStateChanged(UiStyles.INVALID, !vm.targetValidProperty().get());
        vm.targetValidProperty().addListener((o, a, b) -> count.pseudoClassStateChanged(UiStyles.INVALID, !b));
        count.getStyleClass().add(Styles.TEXT_BOLD);
        HBox on = new HBox(8, new Label("On"), target, count);
        on.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("run-error");
        error.getStyleClass().add(UiStyles.FIELD_ERROR);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox top = new VBox(6, on, form, error);
        top.getStyleClass().add("run-form");
        setTop(top);

        SplitPane center = new SplitPane(hostTable(), outputPane());
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.45);
        setCenter(center);

        Label progress = new Label();
        progress.setId("run-progress");
        progress.textProperty().bind(vm.progressProperty());
        progress.getStyleClass().add(Styles.TEXT_BOLD);
        Label summary = new Label();
        summary.setId("run-summary");
        summary.getStyleClass().add(UiStyles.SUMMARY);
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty().map(RunSummary::text).orElse(""));
        summary.visibleProperty().bind(vm.summaryProperty().isNotNull());
        summary.managedProperty().bind(summary.visibleProperty());
        // many kinds of failure make a long summary: it scrolls, the host table keeps its rows
        javafx.scene.control.ScrollPane summaryScroll = new javafx.scene.control.ScrollPane(summary);
        summaryScroll.setFitToWidth(true);
        summaryScroll.setMaxHeight(110);
        summaryScroll.visibleProperty().bind(summary.visibleProperty());
        summaryScroll.managedProperty().bind(summary.visibleProperty());
        VBox bottom = new VBox(4, progress, summaryScroll);
        bottom.getStyleClass().add("run-footer");
        setBottom(bottom);
    }

    private TableView<HostRun> hostTable() {
        TableView<HostRun> t = new TableView<>(vm.hosts());
        t.setId("run-hosts");
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        TableColumn<HostRun, String> host = column("Host", 150, r -> new javafx.beans.property.SimpleStringProperty(
                r.host()));
        TableColumn<HostRun, HostRun.State> state = new TableColumn<>("State");
        state.setPrefWidth(100);
        state.setComparator(java.util.Comparator.comparingInt(HostRun.State::severity)); // failures first
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add(UiStyles.RUN_STATE_CELL); // once: a style class change restyles the cell anew
            }

            @Override
            protected void updateItem(HostRun.State s, boolean empty) {
                super.updateItem(s, empty);
                HostRun row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || s == null || row == null ? null : row.stateText());
                UiStyles.switchPseudoClass(this, STATES, empty || s == null ? null : STATES.get(s.ordinal()));
            }
        });
        TableColumn<HostRun, String> exit = column("Exit", 60, HostRun::exitProperty);
        TableColumn<HostRun, String> took = column("Duration", 90, HostRun::durationProperty);
        TableColumn<HostRun, String> msg = column("Message", 520, HostRun::messageProperty);
        t.getColumns().addAll(List.of(host, state, exit, took, msg));
        t.setPlaceholder(new Label("No machines."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.outputHostProperty().set(
                b == null ? null : b.host()));
        vm.outputHostProperty().addListener((o, a, b) -> {
            if (b == null) {
                t.getSelectionModel().clearSelection();
            }
        });
        return t;
    }

    private static TableColumn<HostRun, String> column(String title, double width,
                                                     Function<HostRun, ObservableValue<String>> value) {
        TableColumn<HostRun, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        return c;
    }

    private VBox outputPane() {
        Label showing = new Label();
        showing.setId("run-output-host");
        showing.textProperty().bind(vm.outputHostProperty().map(h -> "Output of " + h)
                .orElse("Output of every host (click a host above to see its lines alone)"));
        Button all = new Button("Every host");
        all.setId("run-output-all");
        all.getStyleClass().add(Styles.SMALL);
        all.disableProperty().bind(vm.outputHostProperty().isNull());
        all.setOnAction(e -> vm.outputHostProperty().set(null));
        HBox head = new HBox(8, showing, all);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new javafx.geometry.Insets(4, 10, 2, 10));
        ListView<OutputLine> list = outputList();
        VBox.setVgrow(list, Priority.ALWAYS);
        return new VBox(4, head, list);
    }

    private ListView<OutputLine> outputList() {
        ListView<OutputLine> list = new ListView<>(vm.shownOutput());
        list.setId("run-output");
        list.getStyleClass().addAll(UiStyles.OUTPUT_LIST, Styles.DENSE);
        list.setPlaceholder(new Label("Output of the hosts shows here, one line per row as host: line."));
        list.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy selected lines");
        copy.setOnAction(e -> copy(list));
        list.setContextMenu(new javafx.scene.control.ContextMenu(copy));
        list.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.C) {
                copy(list);
                e.consume();
            }
        });
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OutputLine l, boolean empty) {
                super.updateItem(l, empty);
                if (!getStyleClass().contains(UiStyles.OUTPUT_LINE)) {
                    getStyleClass().add(UiStyles.OUTPUT_LINE);
                }
                setText(empty || l == null ? null : l.toString());
                pseudoClassStateChanged(UiStyles.STDERR, !empty && l != null && l.stderr());
            }
        });
        return list;
    }

    private static void copy(ListView<OutputLine> list) {
        StringBuilder b = new StringBuilder();
        for (OutputLine l : list.getSelectionModel().getSelectedItems()) {
            b.append(l).append('\n');
        }
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(b.toString());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
    }

    /** Starts the run as the Run button does (for the menu's first run and tests). */
    public void runNow() {
        if (vm.start()) {
            pump.start();
        }
    }

    /** Stops the pump, e.g. when the window closes. */
    public void dispose() {
        vm.cancel();
        pump.stop();
    }
}
