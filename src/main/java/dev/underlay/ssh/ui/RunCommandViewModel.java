package dev.underlay.ssh.ui;

import dev.underlay.inventory.Counted;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineQuery;
import dev.underlay.inventory.NodeSet;
import dev.underlay.inventory.QueryException;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.InventoryTargets;
import dev.underlay.ssh.StreamKind;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * "Run command…": one command on a set of machines through {@link FanOut}. Output lines and host results arrive
 * on SSH I/O threads and only go into a queue; {@link #drain()}, called once per pulse by the view (by hand in
 * tests), moves them into the observable lists in one batch. Nothing here blocks the calling thread.
 */
public final class RunCommandViewModel {
    /** Lines kept in the output pane; later ones are counted, not shown, so memory stays bounded. */
    public static final int MAX_LINES = 200_000;
    /** Queue items moved per drain, so one pulse never does unbounded work. */
    static final int MAX_PER_DRAIN = 50_000;

    private final Supplier<FanOut> fanOut;
    private final TaskRunner tasks;
    private final Inventory inventory;
    private List<Machine> machines;
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    /** The CLI's defaults ({@code underlay exec}): 64 hosts at once, no timeout (0). */
    private final IntegerProperty forks = new SimpleIntegerProperty(this, "forks", 64);
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(this, "timeoutSeconds", 0);
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final ReadOnlyStringWrapper targetInfo = new ReadOnlyStringWrapper(this, "targetInfo", "");
    private final ReadOnlyBooleanWrapper targetValid = new ReadOnlyBooleanWrapper(this, "targetValid", true);
    private final ObjectProperty<String> outputHost = new SimpleObjectProperty<>(this, "outputHost");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<RunSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ObservableList<HostRun> hosts = FXCollections.observableArrayList();
    private final ObservableList<OutputLine> output = FXCollections.observableArrayList();
    private final FilteredList<OutputLine> shownOutput = new FilteredList<>(output);
    private final Map<String, HostRun> byName = new HashMap<>();
    private final Queue<Object> incoming = new ConcurrentLinkedQueue<>();
    private FanOut.Run run;
    private boolean cancelRequested;
    private int done;
    private int ok;
    private int failed;
    private int nonZero;
    private int forksInUse;
    private long droppedLines;
    private long startedAt;
    private boolean quiet;

    /**
     * @param fanOut   the engine; asked for on the task runner's thread (it may start the SSH client)
     * @param machines the hosts to run on, in the order shown
     */
    public RunCommandViewModel(Supplier<FanOut> fanOut, TaskRunner tasks, Inventory inventory,
                               List<Machine> machines) {
        this(fanOut, tasks, inventory, machines.isEmpty() ? "all" : machines.size() == inventory.machines().size()
                ? "all" : NodeSet.fold(machines.stream().map(Machine::name).toList()));
        // exactly these machines (some may not be in the snapshot), until the target is edited
        quiet = true;
        target.set(machines.isEmpty() ? "" : target.get());
        quiet = false;
        this.machines = List.copyOf(machines);
        targetValid.set(!machines.isEmpty());
        targetInfo.set(machines.isEmpty() ? "No machine is chosen." : Counted.of(machines.size(), "host"));
        reset();
        progress.set(Counted.of(machines.size(), "host"));
    }

    /**
     * @param target the query naming the hosts, editable in the view: the search in force, or the selection as
     *               a node set ({@code fra1-k8s-w[01-03]})
     */
    public RunCommandViewModel(Supplier<FanOut> fanOut, TaskRunner tasks, Inventory inventory, String target) {
        this.fanOut = fanOut;
        this.tasks = tasks;
        this.inventory = inventory;
        this.machines = List.of();
        this.target.addListener((obs, o, n) -> retarget(n));
        outputHost.addListener((obs, o, n) -> shownOutput.setPredicate(n == null ? null : l -> n.equals(l.host())));
        this.target.set(target == null || target.isBlank() ? "all" : target.strip());
    }

    /** The hosts as a query ({@code all}, {@code rack:fra1-r01}, {@code db[1-3],web01}); edit it to retarget. */
    public StringProperty targetProperty() {
        return target;
    }

    /** "41 hosts", or why the target names none ("bad query: ...", "no machine matches: no rack is named r1"). */
    public ReadOnlyStringProperty targetInfoProperty() {
        return targetInfo.getReadOnlyProperty();
    }

    /** False while the target does not parse or matches nothing. */
    public ReadOnlyBooleanProperty targetValidProperty() {
        return targetValid.getReadOnlyProperty();
    }

    /** The host whose output alone is shown, or null for every host's. */
    public ObjectProperty<String> outputHostProperty() {
        return outputHost;
    }

    /** The output pane's lines: all of them, or those of {@link #outputHostProperty()}. */
    public ObservableList<OutputLine> shownOutput() {
        return shownOutput;
    }

    private void retarget(String text) {
        if (running.get() || quiet) {
            return; // the view locks the field during a run; a run's hosts never change under it
        }
        List<Machine> found;
        List<String> notes;
        try {
            MachineQuery q = MachineQuery.parse(text);
            found = q.select(inventory);
            notes = q.notes(inventory);
        } catch (QueryException e) {
            targetValid.set(false);
            targetInfo.set("Bad query: " + e.getMessage());
            return;
        }
        machines = List.copyOf(found);
        targetValid.set(!found.isEmpty());
        targetInfo.set(found.isEmpty() ? "No machine matches" + (notes.isEmpty() ? "." : ": "
                + String.join("; ", notes)) : Counted.of(found.size(), "host") + (notes.isEmpty() ? ""
                : " (" + String.join("; ", notes) + ")"));
        outputHost.set(null);
        reset();
        progress.set(Counted.of(machines.size(), "host"));
    }

    public StringProperty commandProperty() {
        return command;
    }

    public IntegerProperty forksProperty() {
        return forks;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    /** Why the run cannot start (empty command...), or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "12/41 done, 9 ok, 1 exited non-zero, 2 failed" (failed: the command did not run to its end). */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Set when every host has finished. */
    public ReadOnlyObjectProperty<RunSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<HostRun> hosts() {
        return hosts;
    }

    public ObservableList<OutputLine> output() {
        return output;
    }

    public int machineCount() {
        return machines.size();
    }

    /** Starts the run; false (with {@link #errorProperty()} set) when the form is not valid or a run is on. */
    public boolean start() {
        String cmd = command.get() == null ? "" : command.get().strip();
        error.set(cmd.isEmpty() ? "Type a command to run."
                : !targetValid.get() || machines.isEmpty() ? "No machines to run on: " + targetInfo.get()
                : forks.get() < 1 || forks.get() > 500 ? "Forks must be between 1 and 500."
                : timeoutSeconds.get() < 0 || timeoutSeconds.get() > 86_400
                ? "The timeout must be between 0 (none) and 86400 seconds." : running.get() ? "A run is in progress."
                : "");
        if (!error.get().isEmpty()) {
            return false;
        }
        reset();
        running.set(true);
        forksInUse = forks.get();
        List<FanOut.Planned> plan = InventoryTargets.plan(inventory, machines);
        Duration timeout = timeoutSeconds.get() == 0 ? null : Duration.ofSeconds(timeoutSeconds.get());
        startedAt = System.nanoTime();
        tasks.submit("run-command", () -> fanOut.get().start(plan, cmd, forksInUse, timeout,
                (host, stream, at, line) -> incoming.add(new OutputLine(host, stream == StreamKind.STDERR, line)),
                incoming::add), this::started, e -> {
            running.set(false);
            error.set("The command did not start: " + Failures.describe(e));
        });
        return true;
    }

    private void started(FanOut.Run r) {
        run = r;
        markRunning();
        if (cancelRequested) {
            cancel();
        }
    }

    /** Cancels queued and running hosts; each still gets a (cancelled) result. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        cancelRequested = true;
        FanOut.Run r = run;
        if (r != null) {
            tasks.submit("cancel-run", () -> {
                r.cancel();
                return r;
            }, x -> { }, e -> error.set("Cancel failed: " + Failures.describe(e)));
        }
    }

    /** True while output or results wait for {@link #drain()}, or the run goes on. */
    public boolean active() {
        return running.get() || !incoming.isEmpty();
    }

    /** Moves queued lines and results into the lists, at most {@value #MAX_PER_DRAIN} of them; FX thread. */
    public void drain() {
        List<OutputLine> lines = new ArrayList<>();
        boolean results = false;
        Object o;
        for (int n = 0; n < MAX_PER_DRAIN && (o = incoming.poll()) != null; n++) {
            if (o instanceof OutputLine l) {
                if (output.size() + lines.size() < MAX_LINES) {
                    lines.add(l);
                } else {
                    droppedLines++;
                }
            } else if (o instanceof ExecResult r) {
                finished(r);
                results = true;
            }
        }
        if (!lines.isEmpty()) {
            output.addAll(lines);
        }
        if (results) {
            markRunning();
            updateProgress();
            if (done == hosts.size() && running.get()) {
                running.set(false);
                summary.set(RunSummary.of(hosts.stream().map(HostRun::result).toList()));
            }
        }
    }

    private void finished(ExecResult r) {
        HostRun row = byName.get(r.host());
        if (row == null || row.result() != null) {
            return;
        }
        row.finish(r);
        done++;
        if (r.succeeded()) {
            ok++;
        } else if (r.failed()) {
            failed++;
        } else {
            nonZero++;
        }
    }

    private void markRunning() {
        if (cancelRequested) {
            return;
        }
        int started = Math.min(hosts.size(), forksInUse + done);
        for (int i = 0; i < started; i++) {
            hosts.get(i).running();
        }
    }

    private void updateProgress() {
        progress.set(done + "/" + hosts.size() + " done, " + ok + " ok, "
                + (nonZero > 0 ? nonZero + " exited non-zero, " : "") + failed + " failed"
                + (droppedLines > 0 ? ", " + droppedLines + " output lines not shown" : "")
                + (done == hosts.size() && done > 0 ? String.format(java.util.Locale.ROOT, " in %.2f s",
                (System.nanoTime() - startedAt) / 1e9) : ""));
    }

    private void reset() {
        run = null;
        cancelRequested = false;
        done = 0;
        ok = 0;
        failed = 0;
        nonZero = 0;
        droppedLines = 0;
        incoming.clear();
        output.clear();
        summary.set(null);
        hosts.clear();
        byName.clear();
        for (Machine m : machines) {
            HostRun r = new HostRun(m.name());
            hosts.add(r);
            byName.put(m.name(), r);
        }
        updateProgress();
    }
}
