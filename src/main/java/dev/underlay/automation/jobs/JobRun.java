package dev.underlay.automation.jobs;

import dev.underlay.automation.JobPlan;
import dev.underlay.automation.PlannedStep;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepRunner;
import dev.underlay.ssh.StepState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * A job in progress: waves one after the other, the hosts of a wave through the steps by the strategy (free: each
 * host on its own; linear: a step on every host before the next), the failure policy and max-fail per wave, pause,
 * approval between waves, cancel of the job or of one host. Every decision happens under this object's monitor,
 * in callbacks (I/O threads, the timer); nothing blocks. {@link HostSteps} runs one host through one step.
 */
public final class JobRun {
    private final long id;
    private final int stepCount;
    private final List<List<HostRun>> waves = new ArrayList<>();
    private final Map<String, HostRun> hosts = new LinkedHashMap<>();
    private final JobOptions options;
    private final StepRunner runner;
    private final JobListener listener;
    private final HostSteps steps;
    private final CompletableFuture<JobState> done = new CompletableFuture<>();
    private JobState state = JobState.RUNNING;
    private int wave = -1;
    private int waveRemaining;
    private int linearStep;
    private int stepRemaining;
    private boolean stopping;
    private boolean cancelled;
    private boolean stoppingRest;
    private String message = "";

    JobRun(long id, JobPlan plan, List<List<Machine>> machineWaves, Map<String, FanOut.Planned> targets,
           JobOptions options, StepRunner runner, Supplier<Inventory> inventory, JobListener listener,
           ScheduledExecutorService timers, Duration rebootPoll) {
        this.id = id;
        this.stepCount = plan.steps().size();
        this.options = options;
        this.runner = runner;
        this.listener = listener;
        for (int w = 0; w < machineWaves.size(); w++) {
            List<HostRun> list = new ArrayList<>();
            for (Machine m : machineWaves.get(w)) {
                HostRun h = new HostRun(m, targets.get(m.name()), w, stepCount);
                list.add(h);
                hosts.put(m.name(), h);
            }
            waves.add(list);
        }
        this.steps = new HostSteps(this, plan, runner, inventory, listener, timers, rebootPoll);
    }

    public long id() {
        return id;
    }

    /** Completes with the final state when the job has ended. */
    public CompletableFuture<JobState> done() {
        return done;
    }

    public synchronized JobState state() {
        return state;
    }

    /** Why the job is in its state, when there is something to say ("" otherwise). */
    public synchronized String message() {
        return message;
    }

    /** The wave running or last run (from 0). */
    public synchronized int wave() {
        return wave;
    }

    public int waveCount() {
        return waves.size();
    }

    /** Host states now, in target order. */
    public synchronized Map<String, HostRunState> hostStates() {
        Map<String, HostRunState> out = new LinkedHashMap<>();
        hosts.forEach((n, h) -> out.put(n, h.state));
        return out;
    }

    /** One host's step states now. */
    public synchronized Optional<List<StepState>> stepStates(String host) {
        HostRun h = hosts.get(host);
        return h == null ? Optional.empty() : Optional.of(List.of(h.steps.clone()));
    }

    synchronized void start() {
        listener.jobState(id, JobState.RUNNING, "");
        nextWave();
    }

    /** Stops new steps from starting; running commands go on. No effect unless running. */
    public synchronized void pause() {
        if (state == JobState.RUNNING) {
            setState(JobState.PAUSED, "paused by a person");
            runner.hold(true);
        }
    }

    /** Lets a paused job go on. */
    public synchronized void resume() {
        if (state == JobState.PAUSED) {
            setState(JobState.RUNNING, "");
            runner.hold(false);
        }
    }

    /** Starts the next wave of a job that waits for approval; false when it does not wait. */
    public synchronized boolean approve() {
        if (state != JobState.AWAITING_APPROVAL) {
            return false;
        }
        setState(JobState.RUNNING, "");
        nextWave();
        return true;
    }

    /** Cancels the whole job: queued steps never start, running ones are stopped, every host ends. */
    public synchronized void cancel() {
        if (state.isFinal() || cancelled) {
            return;
        }
        cancelled = true;
        message = "cancelled by a person";
        for (HostRun h : List.copyOf(hosts.values())) {
            cancelHost(h);
        }
        runner.hold(false);
        if (!state.isFinal() && (state == JobState.AWAITING_APPROVAL || waveRemaining <= 0)) {
            finish();
        }
    }

    /** Cancels one host; false when there is no such host or it has ended. */
    public synchronized boolean cancel(String host) {
        HostRun h = hosts.get(host);
        if (h == null || h.state.isFinal()) {
            return false;
        }
        cancelHost(h);
        return true;
    }

    boolean cancelled() {
        return cancelled;
    }

    private void cancelHost(HostRun h) {
        if (h.state.isFinal()) {
            return;
        }
        h.cancelled = true;
        if (h.timer != null) { // waiting to run again or for a reboot: nothing runs, end it here
            h.timer.cancel(false);
            h.timer = null;
            if (!h.steps[h.step].isFinal()) {
                h.stepState(h.step, StepState.CANCELLED);
            }
            hostEnded(h, HostRunState.CANCELLED);
        } else if (h.current != null && !h.current.result().isDone()) {
            h.current.cancel(); // its result comes back cancelled
        } else if (h.state == HostRunState.WAITING && !h.inStep) {
            hostEnded(h, HostRunState.CANCELLED);
        }
    }

    // ---- waves and steps (HostSteps calls back here, holding this monitor)

    private void nextWave() {
        while (true) {
            wave++;
            if (wave >= waves.size() || stopping || cancelled) {
                finish();
                return;
            }
            waveRemaining = (int) waves.get(wave).stream().filter(h -> !h.state.isFinal()).count();
            if (waveRemaining > 0) {
                break;
            }
        }
        if (options.strategy() == Strategy.LINEAR) {
            linearStep = -1;
            nextLinearStep();
        } else {
            for (HostRun h : waves.get(wave)) {
                if (!h.state.isFinal()) {
                    steps.runStep(h, 0, false);
                }
            }
        }
    }

    private void nextLinearStep() {
        linearStep++;
        List<HostRun> alive = waves.get(wave).stream().filter(h -> !h.state.isFinal()).toList();
        if (linearStep >= stepCount || alive.isEmpty()) {
            return;
        }
        stepRemaining = alive.size();
        alive.forEach(h -> h.inStep = true);
        for (HostRun h : alive) {
            if (stopping || cancelled) {
                stopHost(h);
            } else {
                steps.runStep(h, linearStep, false);
            }
        }
    }

    /** The host finished step {@code k} well (after its reboot, when it asked for one). */
    void stepCompleted(HostRun h, int k) {
        if (k + 1 >= stepCount) {
            hostEnded(h, HostRunState.DONE);
        } else if (stopping) {
            stopHost(h);
        } else if (options.strategy() == Strategy.FREE) {
            steps.runStep(h, k + 1, true);
        } else {
            afterHostStep(h);
        }
    }

    /** Ends a host that did not fail but will run no further step because the job stops. */
    void stopHost(HostRun h) {
        if (h.state.isFinal()) {
            return;
        }
        if (cancelled) {
            hostEnded(h, HostRunState.CANCELLED);
            return;
        }
        h.lastFailure = h.name() + ": no further step ran: " + message;
        h.lastKind = "STOPPED";
        if (h.step >= 0 && !h.steps[h.step].isFinal()) {
            h.stepState(h.step, StepState.FAILED);
        }
        if (h.state == HostRunState.WAITING) {
            hostEnded(h, HostRunState.SKIPPED);
        } else {
            hostEnded(h, HostRunState.FAILED);
        }
    }

    boolean stopping() {
        return stopping;
    }

    void hostFailed(HostRun h, PlannedStep step) {
        if (options.failurePolicy() == FailurePolicy.STOP && !stopping) {
            stopping = true;
            message = h.name() + " failed step " + step.label() + " (" + h.lastFailure + "); the job stops "
                    + "(failure policy stop)";
            for (HostRun o : hosts.values()) {
                if (o != h && o.state == HostRunState.WAITING && o.current == null && o.timer == null) {
                    hostEnded(o, HostRunState.SKIPPED);
                }
            }
            runner.cancelQueued(); // queued steps never start (their hosts end cancelled); running ones finish
        } else if (options.failurePolicy() == FailurePolicy.PAUSE && state == JobState.RUNNING) {
            setState(JobState.PAUSED, h.name() + " failed step " + step.label() + " (" + h.lastFailure
                    + "); paused by the failure policy: resume or cancel");
            runner.hold(true);
        }
        hostEnded(h, HostRunState.FAILED);
    }

    /** The host reached a final state: counted off its wave (and linear step), which may end them. */
    void hostEnded(HostRun h, HostRunState to) {
        if (h.state.isFinal()) {
            return;
        }
        h.skipRest();
        h.hostState(to);
        listener.hostState(id, h.name(), to);
        if (h.wave == wave) {
            waveRemaining--;
        }
        afterHostStep(h);
    }

    private void afterHostStep(HostRun h) {
        if (h.wave != wave) {
            return;
        }
        if (h.inStep) {
            h.inStep = false;
            stepRemaining--;
        }
        if (waveRemaining == 0) {
            waveDone();
        } else if (options.strategy() == Strategy.LINEAR && stepRemaining == 0) {
            if (stopping && !stoppingRest) {
                stoppingRest = true; // the loop ends every other host, each coming back here
                for (HostRun o : List.copyOf(waves.get(wave))) {
                    stopHost(o);
                }
            } else if (!stopping && !cancelled) {
                nextLinearStep();
            }
        }
    }

    private void waveDone() {
        List<HostRun> list = waves.get(wave);
        long failed = list.stream().filter(x -> x.state == HostRunState.FAILED).count();
        double pct = list.isEmpty() ? 0 : failed * 100.0 / list.size();
        if (!stopping && !cancelled && options.maxFailPercent() >= 0 && pct > options.maxFailPercent()) {
            stopping = true;
            message = "wave " + (wave + 1) + " of " + waves.size() + ": " + failed + " of " + list.size()
                    + " hosts failed (" + Math.round(pct) + "%), more than the " + fmt(options.maxFailPercent())
                    + "% allowed; the later waves do not run";
        }
        if (stopping || cancelled || wave + 1 >= waves.size()) {
            finish();
        } else if (options.approveWaves()) {
            setState(JobState.AWAITING_APPROVAL, "wave " + (wave + 1) + " of " + waves.size() + " done ("
                    + failed + " failed); approve to start wave " + (wave + 2));
        } else {
            nextWave();
        }
    }

    private void finish() {
        if (state.isFinal()) {
            return;
        }
        for (HostRun h : hosts.values()) {
            if (!h.state.isFinal()) {
                h.skipRest();
                h.hostState(cancelled ? HostRunState.CANCELLED : HostRunState.SKIPPED);
                listener.hostState(id, h.name(), h.state);
            }
        }
        boolean allDone = hosts.values().stream().allMatch(h -> h.state == HostRunState.DONE);
        long failed = hosts.values().stream().filter(h -> h.state == HostRunState.FAILED
                || h.state == HostRunState.SKIPPED).count();
        // a job whose hosts were cancelled one by one, none failing, ends cancelled too
        JobState end = cancelled ? JobState.CANCELLED : allDone ? JobState.SUCCEEDED
                : failed > 0 ? JobState.FAILED : JobState.CANCELLED;
        if (message.isEmpty() && end != JobState.SUCCEEDED) {
            long n = end == JobState.FAILED ? hosts.values().stream().filter(h -> h.state == HostRunState.FAILED)
                    .count() : hosts.values().stream().filter(h -> h.state == HostRunState.CANCELLED).count();
            message = n + " of " + hosts.size() + " hosts " + (end == JobState.FAILED ? "failed" : "cancelled");
        }
        setState(end, end == JobState.SUCCEEDED ? "" : message);
        done.complete(end);
    }

    private void setState(JobState to, String why) {
        state = JobState.transition(state, to);
        message = why;
        listener.jobState(id, to, why);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
