package dev.underlay.automation.jobs;

import dev.underlay.inventory.Machine;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.RemoteCommand;
import dev.underlay.ssh.StepState;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;

/** One host of a running job; guarded by its {@link JobRun}'s monitor. */
final class HostRun {
    final Machine machine;
    final FanOut.Planned planned;
    final int wave;
    final StepState[] steps;
    HostRunState state = HostRunState.WAITING;
    /** The step it is at (-1 before its first). */
    int step = -1;
    /** Attempts of the current step so far (failed ones count toward the retries, incomplete ones not). */
    int attempt;
    int failedAttempts;
    int incompleteRuns;
    int rebootPolls;
    /** In the current linear step's count of hosts still to finish it. */
    boolean inStep;
    boolean cancelled;
    RemoteCommand current;
    ScheduledFuture<?> timer;
    Instant started;
    String shown = "";
    String lastFailure = "";
    /** The first step that failed but let the host go on (continue_on_failure), or null. */
    dev.underlay.automation.PlannedStep softFailed;
    /** The failure kind, "exit N", or "REBOOT": how summaries group failed hosts. */
    String lastKind = "";

    HostRun(Machine machine, FanOut.Planned planned, int wave, int stepCount) {
        this.machine = machine;
        this.planned = planned;
        this.wave = wave;
        this.steps = new StepState[stepCount];
        Arrays.fill(steps, StepState.PENDING);
    }

    String name() {
        return machine.name();
    }

    void stepState(int k, StepState to) {
        steps[k] = StepState.transition(steps[k], to);
    }

    void hostState(HostRunState to) {
        state = HostRunState.transition(state, to);
    }

    /** Marks every step not begun as skipped. */
    void skipRest() {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] == StepState.PENDING) {
                steps[i] = StepState.SKIPPED;
            }
        }
    }
}
