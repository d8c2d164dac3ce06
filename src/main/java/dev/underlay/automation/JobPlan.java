package dev.underlay.automation;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.util.List;
import java.util.Map;

/**
 * What a job runs, as the job engine sees it: the ordered steps of one workflow (or of one task), and how to render
 * a step for one machine. The model side (tasks, stages, workflows, templates, params) implements it; the engine
 * decides when, where and how often each step runs. Rendering happens when a host starts a step, against the
 * inventory of that moment, so values that earlier steps published (a join token) are seen by later ones.
 */
public interface JobPlan {
    /** "workflow kubernetes-up" or "task health-disk": what the job list shows. */
    String title();

    /** The steps in order; a step is one task of one stage. */
    List<PlannedStep> steps();

    /**
     * The step as it would run on {@code machine}: scripts and files rendered, with the text to show and store
     * (secure values masked). Never connects anywhere.
     *
     * @throws RenderException naming the param, the task and the machine when a template cannot be rendered
     */
    RenderedStep render(PlannedStep step, Machine machine, Inventory inventory) throws RenderException;

    /**
     * The params {@code step} publishes: after it succeeds on a host, the engine reads each one's value from
     * {@code /run/underlay/publish/NAME} on that host (over the job's connection, never into the log) and hands
     * them to {@link #publish}. None by default.
     */
    default List<String> publishes(PlannedStep step) {
        return List.of();
    }

    /**
     * Stores the values {@code machine} published in {@code step} of job {@code job} (param name to text, as the
     * host wrote it, trailing newlines stripped), so that later renders of this plan see them. Returns where they
     * went ("cluster k8s (profile k8s-prof)").
     *
     * @throws RuntimeException with one sentence naming the host and the param when they cannot be stored
     */
    default String publish(long job, PlannedStep step, Machine machine, Map<String, String> values) {
        throw new IllegalStateException("plan " + title() + " does not take published values (" + machine.name()
                + " published " + String.join(", ", values.keySet()) + ")");
    }
}
