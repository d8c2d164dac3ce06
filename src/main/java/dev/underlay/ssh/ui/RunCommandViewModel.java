package dev.underlay.ssh.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
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
    private final List<Machine> machines;
    private final StringProperty command = new SimpleStringProperty(this, "command", "");
    private final IntegerProperty forks = new SimpleIntegerProperty(this, "forks", 20);
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(this, "timeoutSeconds", 60);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<RunSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ObservableList<HostRun> hosts = FXCollections.observableArrayList();
    private final ObservableList<OutputLine> output = FXCollections.observableArrayList();
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

    /**
     * @param fanOut   the engine; asked for on the task runner's thread (it may start the SSH client)
     * @param machines the hosts to run on, in the order shown
     */
    public RunCommandViewModel(Supplier<FanOut> fanOut, TaskRunner tasks, Inventory inventory,
                               List<Machine> machines) {
        this.fanOut = fanOut;
        this.tasks = tasks;
        this.inventory = inventory;
        this.machines = List.copyOf(machines);
        for (Machine m : this.machines) {
            HostRun r = new HostRun(m.name());
            hosts.add(r);
            byName.put(m.name(), r);
        }
        progress.set(machines.size() + " hosts");
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
                : machines.isEmpty() ? "No machines to run on: select some or clear the search."
                : forks.get() < 1 || forks.get() > 500 ? "Forks must be between 1 and 500."
                : timeoutSeconds.get() < 1 || timeoutSeconds.get() > 86_400
                ? "The timeout must be between 1 and 86400 seconds." : running.get() ? "A run is in progress." : "");
        if (!error.get().isEmpty()) {
            return false;
        }
        reset();
        running.set(true);
        forksInUse = forks.get();
        List<FanOut.Planned> plan = InventoryTargets.plan(inventory, machines);
        Duration timeout = Duration.ofSeconds(timeoutSeconds.get());
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
                + (droppedLines > 0 ? ", " + droppedLines + " output lines not shown" : ""));
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
