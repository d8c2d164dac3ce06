package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.log.LogFilter;
import dev.underlay.automation.jobs.log.LogStream;
import java.io.File;
import java.text.NumberFormat;
import java.util.EnumSet;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The live log viewer: the rows the view model computes painted on a canvas ({@link LogCanvas}, decisions 0023
 * and 0025), a tool bar (host, step and stream filters, search with next and previous, follow, copy,
 * export) and, beside it, identical output grouped across hosts per step, each group a folded node set, one click
 * from its lines and from the outliers. Reusable: the job window embeds it and feeds its view model once per pulse.
 */
public final class JobLogPane extends BorderPane {
    static final String ALL_HOSTS = "all hosts";
    static final String ALL_STEPS = "all steps";
    private static final double ROW_HEIGHT = 18;
    private final JobLogViewModel vm;
    private final LogCanvas rows;
    private final TextField search = new TextField();
    private final ComboBox<String> host = new ComboBox<>();
    private final ComboBox<String> step = new ComboBox<>();
    private final ToggleButton follow = new ToggleButton("Follow");
    private boolean updating;

    public JobLogPane(JobLogViewModel vm) {
        this.vm = vm;
        this.rows = new LogCanvas(vm);
        rows.setId("log-list");
        getStyleClass().add("job-log");
        getStylesheets().add(JobLogPane.class.getResource("job-log.css").toExternalForm());
        setTop(toolBar());
        SplitPane split = new SplitPane(rows, new JobLogGroupsView(vm));
        split.setDividerPositions(0.64);
        setCenter(split);
        Label status = new Label();
        status.setId("log-status");
        status.textProperty().bind(vm.statusProperty());
        Label counts = new Label();
        counts.setId("log-counts");
        // one NumberFormat kept: String.format("%,d") looked up the locale's symbols anew each pulse (JFR, 0025)
        NumberFormat n = NumberFormat.getIntegerInstance();
        vm.revisionProperty().addListener((o, a, b) -> counts.setText(n.format(vm.rowCount()) + " of "
                + n.format(vm.lineCount()) + " lines shown"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bottom = new HBox(8, status, gap, counts);
        bottom.setPadding(new Insets(2, 6, 2, 6));
        setBottom(bottom);
        KeyCombination find = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (find.match(e)) {
                search.requestFocus();
                search.selectAll();
                e.consume();
            }
        });
    }

    /** The rows' canvas (tests; the job window's keyboard focus). */
    LogCanvas rows() {
        return rows;
    }

    private ToolBar toolBar() {
        host.setId("log-host");
        host.getItems().add(ALL_HOSTS);
        // the hosts the log already holds (a finished job reopened, a window opened mid-job), then those that come;
        // the list only grows (every host seen so far)
        host.getItems().addAll(vm.hosts());
        host.getSelectionModel().select(0);
        vm.hosts().addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                host.getItems().addAll(c.getAddedSubList());
            }
        });
        step.setId("log-step");
        step.getItems().add(ALL_STEPS);
        for (int i = 0; i < vm.stepLabels().size(); i++) {
            step.getItems().add(vm.stepName(i));
        }
        step.getSelectionModel().select(0);
        host.setOnAction(e -> filterFromControls());
        step.setOnAction(e -> filterFromControls());
        HBox streams = new HBox(2);
        for (LogStream s : LogStream.values()) {
            ToggleButton t = new ToggleButton(s.id());
            t.setId("log-stream-" + s.id());
            t.setSelected(true);
            t.setOnAction(e -> {
                Set<LogStream> chosen = EnumSet.copyOf(vm.filterProperty().get().streams().isEmpty()
                        ? EnumSet.noneOf(LogStream.class) : EnumSet.copyOf(vm.filterProperty().get().streams()));
                if (t.isSelected()) {
                    chosen.add(s);
                } else {
                    chosen.remove(s);
                }
                vm.showStreams(chosen);
            });
            streams.getChildren().add(t);
        }
        vm.filterProperty().addListener((o, a, f) -> controlsFrom(f));
        search.setId("log-search");
        search.setPromptText("Search (Enter, Shift+Enter)");
        search.setPrefColumnCount(16);
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    previous();
                } else {
                    next();
                }
            }
        });
        Button prev = new Button("Previous");
        prev.setId("log-previous");
        prev.setOnAction(e -> previous());
        Button next = new Button("Next");
        next.setId("log-next");
        next.setOnAction(e -> next());
        Label found = new Label();
        found.setId("log-found");
        found.textProperty().bind(vm.searchStatusProperty());
        follow.setId("log-follow");
        follow.selectedProperty().bind(vm.followingProperty());
        follow.setOnMouseClicked(e -> toggleFollow());
        Button copyButton = new Button("Copy");
        copyButton.setOnAction(e -> rows.copySelection());
        Button export = new Button("Export...");
        export.setId("log-export");
        export.setOnAction(e -> export());
        return new ToolBar(host, step, streams, new Separator(Orientation.VERTICAL), search, prev, next, found,
                new Separator(Orientation.VERTICAL), follow, copyButton, export);
    }

    private void toggleFollow() {
        if (vm.followingProperty().get()) {
            vm.stopFollowing();
        } else {
            vm.followTail();
        }
    }

    private void next() {
        vm.findNext(rows.selection().lead());
    }

    private void previous() {
        vm.findPrevious(rows.selection().lead());
    }

    private void filterFromControls() {
        if (updating) {
            return;
        }
        String h = host.getValue();
        int s = step.getSelectionModel().getSelectedIndex();
        LogFilter f = vm.filterProperty().get();
        vm.apply(f.withHosts(h == null || ALL_HOSTS.equals(h) ? null : Set.of(h)).withStep(s <= 0 ? null : s - 1));
    }

    /** Shows a filter set elsewhere (a group, the outliers) in the controls, without applying it again. */
    private void controlsFrom(LogFilter f) {
        updating = true;
        try {
            if (f.hosts() == null) {
                host.getSelectionModel().select(0);
            } else if (f.hosts().size() == 1) {
                host.setValue(f.hosts().iterator().next());
            } else {
                host.getSelectionModel().clearSelection(); // several hosts (a group): said by the prompt
                host.setPromptText(f.hosts().size() + " hosts");
            }
            step.getSelectionModel().select(f.step() == null ? 0 : Math.min(f.step() + 1, step.getItems().size() - 1));
        } finally {
            updating = false;
        }
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the log shown");
        chooser.setInitialFileName("job-log.tsv");
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            vm.export(f.toPath());
        }
    }
}
