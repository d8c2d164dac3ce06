package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.FailurePolicy;
import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.jobs.Strategy;
import dev.underlay.automation.jobs.WaveSize;
import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.Counted;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.NodeSet;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The start dialog's state: a workflow or task, a target (a query in the search syntax, node sets included; the
 * console's selection comes in as one), the strategy, rolling waves (size, failure domain, max-fail, approval), the
 * failure policy, dry run and rehearsal. Every change is checked at once, each problem in words beside its field,
 * and the hosts and waves the job would make are worked out on the task runner (a newer edit supersedes an older
 * preview). Start starts the job on the task runner. Never touches a control.
 */
public final class JobStartViewModel {
    /** How hosts go through the steps: the engine's strategies, and rolling waves (free within each wave). */
    public enum Mode {
        FREE("Free: each host on its own"), LINEAR("Linear: step by step across hosts"),
        ROLLING("Rolling waves");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Waves listed in the preview; the rest are counted. */
    static final int WAVES_SHOWN = 8;

    private final JobService jobs;
    private final TaskRunner tasks;
    private final JobListener listener;
    private final ObservableList<String> plans = FXCollections.observableArrayList();
    private final ObservableList<String> domains = FXCollections.observableArrayList("", "rack");
    private final StringProperty plan = new SimpleStringProperty(this, "plan", "");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.FREE);
    private final StringProperty wave = new SimpleStringProperty(this, "wave", "");
    private final StringProperty waveBy = new SimpleStringProperty(this, "waveBy", "");
    private final StringProperty maxFail = new SimpleStringProperty(this, "maxFail", "");
    private final BooleanProperty approve = new SimpleBooleanProperty(this, "approve");
    private final ObjectProperty<FailurePolicy> policy = new SimpleObjectProperty<>(this, "policy",
            FailurePolicy.CONTINUE);
    private final BooleanProperty dryRun = new SimpleBooleanProperty(this, "dryRun");
    private final BooleanProperty rehearse = new SimpleBooleanProperty(this, "rehearse");
    private final ReadOnlyStringWrapper planError = new ReadOnlyStringWrapper(this, "planError", "");
    private final ReadOnlyStringWrapper targetError = new ReadOnlyStringWrapper(this, "targetError", "");
    private final ReadOnlyStringWrapper waveError = new ReadOnlyStringWrapper(this, "waveError", "");
    private final ReadOnlyStringWrapper maxFailError = new ReadOnlyStringWrapper(this, "maxFailError", "");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper startError = new ReadOnlyStringWrapper(this, "startError", "");
    private final ReadOnlyIntegerWrapper hosts = new ReadOnlyIntegerWrapper(this, "hosts", 0);
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper(this, "starting");
    private long generation;
    private boolean previewOk;

    /**
     * @param planNames the workflows, then the tasks, a job can run
     * @param params    param names a wave may follow (as failure domains), beside rack
     * @param listener  the console's listener, given to the job at its start
     */
    public JobStartViewModel(JobService jobs, TaskRunner tasks, JobListener listener, List<String> planNames,
                             List<String> params, String initialTarget) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.listener = listener;
        plans.setAll(planNames);
        domains.addAll(params);
        target.set(initialTarget == null ? "" : initialTarget);
        for (Observable o : List.of(plan, target, mode, wave, waveBy, maxFail, approve, policy, dryRun, rehearse)) {
            o.addListener(x -> check());
        }
        check();
    }

    /** The target for a selection of machines: their names folded into a node set, or every machine. */
    public static String targetFor(java.util.Collection<String> selection) {
        return selection.isEmpty() ? "all" : NodeSet.fold(selection);
    }

    private void check() {
        generation++;
        previewOk = false;
        startError.set("");
        planError.set(plan.get() == null || plan.get().isBlank() ? "Choose the workflow or task to run." : "");
        targetError.set(target.get() == null || target.get().isBlank()
                ? "Give the machines to run on: a search such as rack:fra1-r01, or names like web[01-04]." : "");
        JobOptions options = options();
        updateCanStart();
        if (options == null || !targetError.get().isEmpty()) {
            preview.set("");
            hosts.set(0);
            return;
        }
        long gen = generation;
        String planName = plan.get();
        JobTarget t = JobTarget.query(target.get());
        preview.set("Working out the hosts and waves\u2026");
        tasks.submit("job-preview", () -> {
            String planProblem = "";
            if (planName != null && !planName.isBlank()) {
                try {
                    jobs.plan(planName);
                } catch (RuntimeException e) {
                    planProblem = e.getMessage();
                }
            }
            return new Preview(jobs.preview(t, options), planProblem);
        }, p -> {
            if (gen != generation) {
                return;
            }
            if (!p.planProblem().isEmpty()) {
                planError.set(sentence(p.planProblem()));
            }
            int n = p.waves().stream().mapToInt(List::size).sum();
            hosts.set(n);
            if (n == 0) {
                targetError.set("No machine matches '" + t.text() + "' in the inventory.");
                preview.set("");
            } else {
                preview.set(describe(p.waves()));
                previewOk = true;
            }
            updateCanStart();
        }, e -> {
            if (gen != generation) {
                return;
            }
            hosts.set(0);
            preview.set("");
            targetError.set(sentence("The target '" + t.text() + "' selects nothing: " + e.getMessage()));
            updateCanStart();
        });
    }

    private record Preview(List<List<Machine>> waves, String planProblem) {
    }

    /** The options as given, or null when a field is wrong (its error then says why). */
    private JobOptions options() {
        waveError.set("");
        maxFailError.set("");
        WaveSize size = null;
        String by = "";
        double fail = -1;
        boolean rolling = mode.get() == Mode.ROLLING;
        if (rolling) {
            by = waveBy.get() == null ? "" : waveBy.get().trim();
            String w = wave.get() == null ? "" : wave.get().trim();
            if (w.isEmpty() && by.isEmpty()) {
                waveError.set("Rolling waves need a size (10 hosts, or 25%) or a failure domain to follow.");
            } else if (!w.isEmpty()) {
                try {
                    size = WaveSize.parse(w);
                } catch (IllegalArgumentException e) {
                    waveError.set(sentence(e.getMessage()));
                }
            }
            String f = maxFail.get() == null ? "" : maxFail.get().trim();
            if (!f.isEmpty()) {
                try {
                    fail = Double.parseDouble(f.endsWith("%") ? f.substring(0, f.length() - 1) : f);
                    if (fail < 0 || fail > 100) {
                        maxFailError.set("Max-fail is a share from 0% to 100%, not " + f + ".");
                    }
                } catch (NumberFormatException e) {
                    maxFailError.set("Max-fail '" + f + "' is not a share such as 10%.");
                }
            }
        }
        if (!waveError.get().isEmpty() || !maxFailError.get().isEmpty()) {
            return null;
        }
        Strategy s = mode.get() == Mode.LINEAR ? Strategy.LINEAR : Strategy.FREE;
        return JobOptions.DEFAULTS.withStrategy(s).withWaves(size, by, fail, rolling && approve.get())
                .withPolicy(policy.get() == null ? FailurePolicy.CONTINUE : policy.get())
                .withDryRun(dryRun.get()).withRehearse(rehearse.get());
    }

    private void updateCanStart() {
        canStart.set(previewOk && !starting.get() && planError.get().isEmpty() && targetError.get().isEmpty()
                && waveError.get().isEmpty() && maxFailError.get().isEmpty());
    }

    static String describe(List<List<Machine>> waves) {
        int n = waves.stream().mapToInt(List::size).sum();
        StringBuilder b = new StringBuilder(Counted.of(n, "host")).append(waves.size() == 1 ? " in one wave"
                : " in " + waves.size() + " waves").append(':');
        for (int i = 0; i < Math.min(WAVES_SHOWN, waves.size()); i++) {
            List<String> names = waves.get(i).stream().map(Machine::name).toList();
            b.append(String.format(Locale.ROOT, "%nWave %d: %s (%s)", i + 1, NodeSet.fold(names),
                    Counted.of(names.size(), "host")));
        }
        if (waves.size() > WAVES_SHOWN) {
            b.append(String.format(Locale.ROOT, "%n\u2026 and %d more waves", waves.size() - WAVES_SHOWN));
        }
        return b.toString();
    }

    private static String sentence(String s) {
        String t = s == null || s.isBlank() ? "it failed" : s.trim();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }

    /** Starts the job on the task runner; {@code started} gets its id (a dry run has ended by then). */
    public void start(LongConsumer started) {
        JobOptions options = options();
        if (!canStart.get() || options == null) {
            return;
        }
        String planName = plan.get();
        JobTarget t = JobTarget.query(target.get());
        starting.set(true);
        updateCanStart();
        tasks.submit("job-start", () -> jobs.start(planName, t, options, listener), h -> {
            starting.set(false);
            updateCanStart();
            started.accept(h.id());
        }, e -> {
            starting.set(false);
            startError.set(sentence("Could not start " + planName + " on '" + t.text() + "': " + e.getMessage()));
            updateCanStart();
        });
    }

    public ObservableList<String> plans() {
        return plans;
    }

    public ObservableList<String> domains() {
        return domains;
    }

    public StringProperty planProperty() {
        return plan;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty waveProperty() {
        return wave;
    }

    public StringProperty waveByProperty() {
        return waveBy;
    }

    public StringProperty maxFailProperty() {
        return maxFail;
    }

    public BooleanProperty approveProperty() {
        return approve;
    }

    public ObjectProperty<FailurePolicy> policyProperty() {
        return policy;
    }

    public BooleanProperty dryRunProperty() {
        return dryRun;
    }

    public BooleanProperty rehearseProperty() {
        return rehearse;
    }

    public ReadOnlyStringProperty planErrorProperty() {
        return planError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetErrorProperty() {
        return targetError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty waveErrorProperty() {
        return waveError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maxFailErrorProperty() {
        return maxFailError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startErrorProperty() {
        return startError.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hostsProperty() {
        return hosts.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }
}
