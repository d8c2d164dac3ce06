package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.content.ContentIndex;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.Inventory;
import dev.underlay.ui.UiStyles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;

/**
 * Jobs in the console, wired once: the one {@link JobEvents} listener every job started here reports to, the Jobs
 * area, the start dialog (prefilled with the shared selection), the job windows (one per job, non-modal; closing
 * one never stops its job) and the machine context menu's entries. FX thread.
 */
public final class JobsConsole implements AutoCloseable {
    private final Stage owner;
    private final JobService jobs;
    private final Supplier<ContentIndex> content;
    private final Supplier<Inventory> inventory;
    private final TaskRunner tasks;
    private final Supplier<Collection<String>> selection;
    private final Consumer<String> messages;
    private final Supplier<Instant> clock = Instant::now;
    private final JobEvents events = new JobEvents();
    private final JobsViewModel list;
    private final JobsView view;
    private final Map<Long, Stage> windows = new HashMap<>();
    private Stage startDialog;

    /**
     * @param selection the console's one selection of machines, by name
     * @param messages  the status bar's message line
     */
    public JobsConsole(Stage owner, JobService jobs, Supplier<ContentIndex> content, Supplier<Inventory> inventory,
                       TaskRunner tasks, Supplier<Collection<String>> selection, Consumer<String> messages) {
        this.owner = owner;
        this.jobs = jobs;
        this.content = content;
        this.inventory = inventory;
        this.tasks = tasks;
        this.selection = selection;
        this.messages = messages;
        this.list = new JobsViewModel(jobs, events, tasks, clock);
        this.view = new JobsView(list, this::open, this::startDialog);
    }

    /** The Jobs area. */
    public JobsView view() {
        return view;
    }

    public JobEvents events() {
        return events;
    }

    /** The machine context menu's entries: run a workflow or task on the selection, open its last job's log. */
    public List<MenuItem> contextItems() {
        MenuItem run = new MenuItem("Run workflow or task\u2026");
        run.setId("menu-run-workflow");
        run.setOnAction(e -> startDialog());
        MenuItem last = new MenuItem("Open last job's log");
        last.setId("menu-last-job-log");
        last.setOnAction(e -> openLastJobLog());
        return List.of(run, last);
    }

    /** Adds the entries to a machine context menu: Run workflow or task first, the last job's log at the end. */
    public javafx.scene.control.ContextMenu addTo(javafx.scene.control.ContextMenu menu) {
        List<MenuItem> items = contextItems();
        menu.getItems().add(0, items.get(0));
        menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), items.get(1));
        return menu;
    }

    /** Opens the start dialog with the selection as its target (the workflows and tasks read first). */
    public void startDialog() {
        String target = JobStartViewModel.targetFor(selection.get());
        tasks.submit("plan-names", () -> {
            ContentIndex idx = content.get();
            List<String> names = new ArrayList<>(idx.workflows().keySet());
            idx.tasks().keySet().stream().filter(t -> !idx.workflows().containsKey(t)).forEach(names::add);
            return names;
        }, names -> showStart(names, target), e -> messages.accept("Cannot read the installed workflows and "
                + "tasks: " + e.getMessage()));
    }

    private void showStart(List<String> names, String target) {
        if (startDialog != null) {
            startDialog.close();
        }
        List<String> params = List.copyOf(inventory.get().paramDefinitions().keySet());
        JobStartViewModel vm = new JobStartViewModel(jobs, tasks, events, names, params, target);
        Stage w = window("Run a workflow or task", null, 0, 0);
        JobStartDialog dialog = new JobStartDialog(vm, id -> {
            list.changed();
            open(id);
        }, w::close);
        setContent(w, dialog, 980, 540);
        startDialog = w;
        w.setOnHidden(e -> startDialog = null);
        w.show();
    }

    /** Opens the window of job {@code id}, or brings it to the front. */
    public void open(long id) {
        Stage existing = windows.get(id);
        if (existing != null) {
            existing.toFront();
            return;
        }
        JobWindowViewModel vm = new JobWindowViewModel(id, jobs, events, tasks, clock, rerun -> {
            list.changed();
            open(rerun);
        });
        JobWindow content = new JobWindow(vm, clock);
        Stage w = window("Job " + id, content, 1400, 860);
        w.titleProperty().bind(vm.titleProperty().map(t -> t.isEmpty() ? "Job " + id : t));
        windows.put(id, w);
        w.setOnHidden(e -> {
            windows.remove(id);
            content.dispose();
        });
        w.show();
    }

    /** The window of job {@code id} if it is open (tests, screenshots). */
    public java.util.Optional<JobWindow> window(long id) {
        Stage w = windows.get(id);
        return w == null ? java.util.Optional.empty() : java.util.Optional.of((JobWindow) w.getScene().getRoot());
    }

    private void openLastJobLog() {
        Collection<String> sel = selection.get();
        if (sel.isEmpty()) {
            messages.accept("Select a machine first: the last job's log is that machine's.");
            return;
        }
        String machine = sel.iterator().next();
        list.lastJobOf(machine, found -> found.ifPresentOrElse(id -> {
            open(id);
            window(id).ifPresent(w -> w.viewModel().select(machine, -1));
        }, () -> messages.accept("No job has run on " + machine + " yet.")));
    }

    private Stage window(String title, Parent content, double width, double height) {
        Stage w = new Stage();
        w.initOwner(owner);
        w.setTitle(title);
        w.getIcons().setAll(owner.getIcons());
        dev.underlay.ui.WindowKeys.closeWithShortcut(w);
        if (content != null) {
            setContent(w, content, width, height);
        }
        return w;
    }

    private void setContent(Stage w, Parent content, double width, double height) {
        content.getStyleClass().add(UiStyles.APP_ROOT);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(content, Math.min(width, screen.getWidth() * 0.92),
                Math.min(height, screen.getHeight() * 0.9));
        if (owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        w.setScene(scene);
    }

    /** Closes the job windows and the dialog; jobs go on (the engine cancels them at exit). */
    @Override
    public void close() {
        view.dispose();
        for (Stage w : List.copyOf(windows.values())) {
            w.close();
        }
        if (startDialog != null) {
            startDialog.close();
        }
    }
}
