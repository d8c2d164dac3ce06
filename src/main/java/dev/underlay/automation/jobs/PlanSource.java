package dev.underlay.automation.jobs;

import dev.underlay.automation.JobPlan;
import java.util.Optional;

/**
 * Where {@code run WORKFLOW|TASK} finds what to run by name: the automation catalog (workflows, then tasks) once
 * the model lands; until then {@link #NONE}, and one-command jobs come from {@link ScriptPlan}.
 */
@FunctionalInterface
public interface PlanSource {
    /** No catalog: nothing is found by name. */
    PlanSource NONE = name -> Optional.empty();

    /** The plan of the workflow or task called {@code name}, or empty when there is none. */
    Optional<JobPlan> plan(String name);
}
