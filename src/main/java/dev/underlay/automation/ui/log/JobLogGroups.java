package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.log.OutputGroups;
import dev.underlay.background.TaskRunner;
import dev.underlay.ssh.StepState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The grouping side of the log: one summary per step ("step 2 install: 481 hosts printed the same; 19 differ")
 * and the groups of the chosen step, each a folded node set. Recomputed when output changed, at most every
 * {@link #EVERY_NANOS} while lines stream in (a step's end is shown at once): a thousand hosts fold in a pass.
 * The changed steps are copied on the FX thread and grouped on the task runner, one computation at a time (what
 * changes meanwhile is owed and computed next, from the latest state); the FX thread only swaps the result in
 * (regrouping 1,000 hosts in a pulse held it for tens of ms; docs/benchmarks.md, issue 14).
 */
public final class JobLogGroups {
    static final long EVERY_NANOS = 250_000_000L;
    private final OutputGroups model;
    private final IntFunction<String> stepName;
    private final LongSupplier clock;
    private final TaskRunner tasks;
    private final Map<Integer, OutputGroups.StepGroups> computed = new HashMap<>();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<GroupRow> groupRows = FXCollections.observableArrayList();
    private final ObservableList<GroupRow> groupRowsView = FXCollections.unmodifiableObservableList(groupRows);
    private final ObjectProperty<Integer> step = new SimpleObjectProperty<>();
    private long last = Long.MIN_VALUE;
    /** Output or a state came in since the last recompute: a refresh held back by the interval still owes it. */
    private boolean owed;
    /** A forced refresh came while a computation ran: the next one goes out as soon as that one is in. */
    private boolean forceOwed;
    private boolean computing;
    private boolean userChoseStep;

    /** A step's summary line. */
    public record StepRow(int step, String name, String summary, int groups) {
        @Override
        public String toString() {
            return "step " + name + ": " + summary;
        }
    }

    /** A group as listed: "fra1-k8s-w[01-12] (12 hosts, 4 lines)"; the first is the majority. */
    public record GroupRow(OutputGroups.Group group, boolean majority) {
        @Override
        public String toString() {
            OutputGroups.Group g = group;
            return g.nodeSet() + "  (" + g.hosts().size() + (g.hosts().size() == 1 ? " host, " : " hosts, ")
                    + g.lines() + (g.lines() == 1 ? " line" : " lines") + (g.provisional() ? ", " + g.running()
                    + " running" : "") + ")" + (majority ? "" : "  differs");
        }
    }

    JobLogGroups(OutputGroups model, IntFunction<String> stepName, LongSupplier clock, TaskRunner tasks) {
        this.model = model;
        this.stepName = stepName;
        this.clock = clock;
        this.tasks = tasks;
        step.addListener((o, a, b) -> showGroups());
    }

    void line(int source, long hash) {
        model.line(source, hash);
        owed = true;
    }

    void result(JobListener.StepResult r) {
        if (r.state() == StepState.RUNNING) {
            model.started(r.host(), r.step(), r.attempt());
        } else if (r.state().isFinal()) {
            model.ended(r.host(), r.step());
        }
        owed = true;
    }

    /**
     * Recomputes changed steps if it is time (or now, if {@code force}). One held back by the interval stays owed
     * until a later call finds the time come: the log's pulse calls this even when nothing new came.
     */
    void refresh(boolean force) {
        if (!owed && !force) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && last != Long.MIN_VALUE && now - last < EVERY_NANOS) {
            return;
        }
        if (computing) {
            owed = true;
            forceOwed |= force;
            return;
        }
        last = now;
        owed = false;
        List<OutputGroups.Snapshot> changed = new ArrayList<>();
        for (int s : model.steps()) {
            if (model.changed(s) || !computed.containsKey(s)) {
                changed.add(model.snapshot(s));
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        computing = true;
        tasks.submit("job-log-groups", () -> changed.stream().map(OutputGroups::groups).toList(), this::publish,
                e -> {
                    computing = false;
                    changed.forEach(c -> computed.remove(c.step())); // recomputed at a later refresh
                    owed = true;
                });
    }

    /** On the FX thread: the groups computed swapped in at once, then what came meanwhile if it was forced. */
    private void publish(List<OutputGroups.StepGroups> fresh) {
        computing = false;
        fresh.forEach(g -> computed.put(g.step(), g));
        List<StepRow> rows = new ArrayList<>();
        computed.keySet().stream().sorted().forEach(s -> {
            OutputGroups.StepGroups g = computed.get(s);
            rows.add(new StepRow(s, stepName.apply(s), g.summary(), g.groups().size()));
        });
        if (!steps.equals(rows)) { // an unchanged list would still update (and lay out) every row
            steps.setAll(rows);
        }
        boolean chose = false;
        if (!userChoseStep && !rows.isEmpty()) {
            Integer latest = rows.get(rows.size() - 1).step();
            if (!latest.equals(step.get())) {
                step.set(latest); // its listener lists the groups
                chose = true;
            }
        }
        if (!chose) {
            showGroups();
        }
        if (forceOwed) {
            forceOwed = false;
            refresh(true);
        }
    }

    /** Recomputes everything now (tests, and the end of a job). */
    public void refreshNow() {
        refresh(true);
    }

    private void showGroups() {
        OutputGroups.StepGroups g = current();
        List<GroupRow> rows = new ArrayList<>();
        for (int i = 0; i < g.groups().size(); i++) {
            rows.add(new GroupRow(g.groups().get(i), i == 0));
        }
        if (!groupRows.equals(rows)) {
            groupRows.setAll(rows);
        }
    }

    /** The groups of the chosen step (empty if none is chosen). */
    public OutputGroups.StepGroups current() {
        Integer s = step.get();
        OutputGroups.StepGroups g = s == null ? null : computed.get(s);
        return g != null ? g : new OutputGroups.StepGroups(s == null ? -1 : s, List.of(), 0, 0);
    }

    /** One summary per step with output, in step order. */
    public ObservableList<StepRow> steps() {
        return stepsView; // one wrapper, kept (JobLogViewModel.hostsView says why)
    }

    /** The chosen step's groups, the majority first. */
    public ObservableList<GroupRow> groupRows() {
        return groupRowsView; // one wrapper, kept (JobLogViewModel.hostsView says why)
    }

    /** The step whose groups are listed: the latest with output until the user chooses one. */
    public ObjectProperty<Integer> stepProperty() {
        return step;
    }

    /** The user chose a step: it stays chosen while later steps start. */
    public void choose(int s) {
        userChoseStep = true;
        step.set(s);
    }
}
