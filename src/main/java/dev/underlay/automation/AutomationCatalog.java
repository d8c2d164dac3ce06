package dev.underlay.automation;

import dev.underlay.automation.content.ContentIndex;
import dev.underlay.automation.content.Stage;
import dev.underlay.automation.content.Task;
import dev.underlay.automation.content.Workflow;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.ResolvedParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the job engine and the what-if views ask of the model: a {@link JobPlan} for a workflow or a task by name,
 * a task rendered for a machine without connecting, and a machine's params with their sources as a stage sees them.
 */
public final class AutomationCatalog {
    private final ContentService content;
    private final TaskRenderer renderer;
    private final ParamPublisher publisher;

    /** A catalog whose plans take no published values (what-if views, tests of rendering). */
    public AutomationCatalog(ContentService content, TaskRenderer renderer) {
        this(content, renderer, null);
    }

    /** A catalog whose plans store what their tasks publish through {@code publisher} (decision 0021). */
    public AutomationCatalog(ContentService content, TaskRenderer renderer, ParamPublisher publisher) {
        this.content = content;
        this.renderer = renderer;
        this.publisher = publisher;
    }

    /**
     * The plan of the workflow named {@code name}, or of the task of that name run alone (a workflow wins when both
     * exist). The content is the one installed now: a pack replaced while the job runs does not change its steps.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public JobPlan plan(String name) {
        ContentIndex idx = content.index();
        Workflow w = idx.workflows().get(name);
        List<PlannedStep> steps = new ArrayList<>();
        if (w != null) {
            for (String sn : w.stages()) {
                Stage s = idx.stages().get(sn);
                if (s == null) {
                    throw new IllegalArgumentException("workflow " + name + " names stage " + sn
                            + ", which is not installed");
                }
                for (String tn : s.tasks()) {
                    steps.add(step(steps.size(), s.name(), task(idx, tn, "stage " + sn)));
                }
            }
            return new ContentPlan("workflow " + name, steps, idx);
        }
        Task t = idx.tasks().get(name);
        if (t == null) {
            throw new IllegalArgumentException("no workflow or task named " + name + " is installed ('underlay "
                    + "content list' shows them)");
        }
        steps.add(step(0, "", t));
        return new ContentPlan("task " + name, steps, idx);
    }

    /** What-if: {@code task} as it would run on {@code machine} (in {@code stage}, may be null); connects nowhere. */
    public RenderedStep render(String task, String stage, Machine machine, Inventory inv) throws RenderException {
        ContentIndex idx = content.index();
        Stage s = stage(idx, stage);
        return renderer.render(task(idx, task, "the command line"), s, machine, inv);
    }

    /** What-if for a task as edited (not installed yet): the console's template editor renders through this. */
    public RenderedStep render(Task edited, String stage, Machine machine, Inventory inv) throws RenderException {
        return renderer.render(edited, stage(content.index(), stage), machine, inv);
    }

    /** A machine's params as {@code stage} (may be null) resolves them, every one with its source. */
    public Map<String, ResolvedParam> params(Machine machine, String stage, Inventory inv) {
        return ParamResolver.resolve(inv, machine, TaskRenderer.scope(stage(content.index(), stage)));
    }

    /** The installed task named {@code name}. */
    public Task task(String name) {
        return task(content.index(), name, "the command line");
    }

    private static Stage stage(ContentIndex idx, String stage) {
        if (stage == null || stage.isEmpty()) {
            return null;
        }
        Stage s = idx.stages().get(stage);
        if (s == null) {
            throw new IllegalArgumentException("no stage named " + stage + " is installed");
        }
        return s;
    }

    private static Task task(ContentIndex idx, String name, String from) {
        Task t = idx.tasks().get(name);
        if (t == null) {
            throw new IllegalArgumentException("no task named " + name + " is installed (named by " + from + ")");
        }
        return t;
    }

    private static PlannedStep step(int index, String stage, Task t) {
        return new PlannedStep(index, stage, t.name(), t.timeout(), t.retries(), t.backoff(), t.incompleteExit(),
                t.rebootExit(), t.continueOnFailure());
    }

    /**
     * A plan over one snapshot of the installed content, for one job: once a host in no cluster has published
     * into the job's profile, later renders resolve it too.
     */
    private final class ContentPlan implements JobPlan {
        private final String title;
        private final List<PlannedStep> steps;
        private final ContentIndex idx;
        private volatile String jobProfile;

        ContentPlan(String title, List<PlannedStep> steps, ContentIndex idx) {
            this.title = title;
            this.steps = List.copyOf(steps);
            this.idx = idx;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public List<PlannedStep> steps() {
            return steps;
        }

        @Override
        public RenderedStep render(PlannedStep step, Machine machine, Inventory inventory) throws RenderException {
            Task t = idx.tasks().get(step.task());
            if (t == null) {
                throw new RenderException("task " + step.task() + " on " + machine.name() + ": not in this plan");
            }
            return renderer.render(t, step.stage().isEmpty() ? null : idx.stages().get(step.stage()), jobProfile,
                    machine, inventory);
        }

        @Override
        public List<String> publishes(PlannedStep step) {
            Task t = idx.tasks().get(step.task());
            return t == null ? List.of() : t.publishes();
        }

        @Override
        public String publish(long job, PlannedStep step, Machine machine, Map<String, String> values) {
            if (publisher == null) {
                return JobPlan.super.publish(job, step, machine, values);
            }
            List<String> declared = publishes(step);
            for (String name : values.keySet()) {
                if (!declared.contains(name)) {
                    throw new IllegalArgumentException(machine.name() + " published " + name + ", which task "
                            + step.task() + " does not list in its publishes");
                }
            }
            String where = publisher.publishFrom(job, machine, values);
            if (where.startsWith("job ")) {
                jobProfile = ParamPublisher.jobProfile(job);
            }
            return where;
        }

        @Override
        public String toString() {
            return title + " (" + steps.size() + " steps)";
        }
    }
}
