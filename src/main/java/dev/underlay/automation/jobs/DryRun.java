package dev.underlay.automation.jobs;

import dev.underlay.automation.JobPlan;
import dev.underlay.automation.PlannedStep;
import dev.underlay.automation.RenderException;
import dev.underlay.automation.RenderedStep;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import java.time.Instant;
import java.util.List;

/**
 * A dry run: every step rendered for every host, in wave order, exactly as it would run (secure values masked in
 * what is kept), and no connection anywhere. A host whose step does not render fails with the sentence naming the
 * param, the task and the machine; its later steps are still rendered, so one run shows every problem.
 */
final class DryRun {
    private DryRun() {
    }

    static JobState run(long id, JobPlan plan, List<List<Machine>> waves, Inventory inv, JobListener listener) {
        listener.jobState(id, JobState.RUNNING, "dry run");
        int failed = 0;
        int total = 0;
        for (List<Machine> wave : waves) {
            for (Machine m : wave) {
                total++;
                listener.hostState(id, m.name(), HostRunState.ACTIVE);
                boolean ok = true;
                for (PlannedStep step : plan.steps()) {
                    Instant at = Instant.now();
                    try {
                        RenderedStep r = plan.render(step, m, inv);
                        listener.step(id, new JobListener.StepResult(m.name(), step.index(), 1, StepState.OK, at,
                                Instant.now(), ExecResult.NO_STATUS, "", step.continueOnFailure()
                                        ? "rendered (dry run; when it fails, the host goes on)" : "rendered (dry run)",
                                StepScripts.shown(r)));
                    } catch (RenderException | RuntimeException e) {
                        ok = false;
                        listener.step(id, new JobListener.StepResult(m.name(), step.index(), 1, StepState.FAILED,
                                at, Instant.now(), ExecResult.NO_STATUS, "RENDER_FAILED", String.valueOf(
                                        e.getMessage()), ""));
                    }
                }
                listener.hostState(id, m.name(), ok ? HostRunState.DONE : HostRunState.FAILED);
                failed += ok ? 0 : 1;
            }
        }
        JobState end = failed == 0 ? JobState.SUCCEEDED : JobState.FAILED;
        listener.jobState(id, end, failed == 0 ? "dry run: every step rendered on " + total + " hosts"
                : "dry run: " + failed + " of " + total + " hosts have a step that does not render");
        return end;
    }
}
