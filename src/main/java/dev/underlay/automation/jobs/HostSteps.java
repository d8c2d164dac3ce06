package dev.underlay.automation.jobs;

import dev.underlay.automation.JobPlan;
import dev.underlay.automation.PlannedStep;
import dev.underlay.automation.RenderException;
import dev.underlay.automation.RenderedStep;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.OutputSink;
import dev.underlay.ssh.StepRunner;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One host through one step of a {@link JobRun}: submit, render when it starts, then decide on the result: ok,
 * retry with backoff (doubling), run again after an "incomplete" exit, reboot and wait until the host answers, or
 * fail. Holds the job's monitor ({@code run}) for every decision, as JobRun does.
 */
final class HostSteps {
    /** An "incomplete" step runs again at most this often before the host fails. */
    static final int MAX_INCOMPLETE_RUNS = 100;
    /** How often a rebooting host is tried before it fails (every reboot poll interval). */
    static final int MAX_REBOOT_POLLS = 120;

    private final JobRun run;
    private final long id;
    private final JobPlan plan;
    private final List<PlannedStep> steps;
    private final StepRunner runner;
    private final Supplier<Inventory> inventory;
    private final JobListener listener;
    private final ScheduledExecutorService timers;
    private final Duration rebootPoll;

    HostSteps(JobRun run, JobPlan plan, StepRunner runner, Supplier<Inventory> inventory, JobListener listener,
              ScheduledExecutorService timers, Duration rebootPoll) {
        this.run = run;
        this.id = run.id();
        this.plan = plan;
        this.steps = List.copyOf(plan.steps());
        this.runner = runner;
        this.inventory = inventory;
        this.listener = listener;
        this.timers = timers;
        this.rebootPoll = rebootPoll;
    }

    /** Starts step {@code k} on the host (queued first when {@code urgent}: a free host's next step). */
    void runStep(HostRun h, int k, boolean urgent) {
        if (h.step != k) {
            h.step = k;
            h.attempt = 0;
            h.failedAttempts = 0;
            h.incompleteRuns = 0;
        }
        submit(h, k, urgent, false);
    }

    private void submit(HostRun h, int k, boolean urgent, boolean reconnect) {
        h.timer = null;
        int attempt = ++h.attempt;
        PlannedStep step = steps.get(k);
        Duration timeout = step.timeout() == null ? Duration.ZERO : step.timeout();
        h.current = runner.submit(new StepRunner.Request(h.planned, () -> prepare(h, k, attempt), timeout,
                (host, stream, at, line) -> listener.line(id, host, k, stream, at, line), () -> { }, reconnect,
                urgent));
        h.current.result().whenComplete((r, e) -> ended(h, k, attempt, r));
    }

    /** On the thread starting the host's command: the step becomes running and is rendered. */
    private StepRunner.Prepared prepare(HostRun h, int k, int attempt) {
        Instant started = Instant.now();
        synchronized (run) {
            if (h.cancelled || run.cancelled()) {
                return StepRunner.Prepared.refused(h.name() + ": cancelled before it started");
            }
            if (h.state == HostRunState.WAITING) {
                h.hostState(HostRunState.ACTIVE);
                listener.hostState(id, h.name(), HostRunState.ACTIVE);
            }
            h.stepState(k, StepState.RUNNING);
            h.started = started;
            h.shown = "";
        }
        Inventory inv = inventory.get();
        Machine now = inv.machines().getOrDefault(h.name(), h.machine);
        try {
            RenderedStep rendered = plan.render(steps.get(k), now, inv);
            String shown = StepScripts.shown(rendered);
            synchronized (run) {
                h.shown = shown;
            }
            listener.step(id, new JobListener.StepResult(h.name(), k, attempt, StepState.RUNNING, started, null,
                    ExecResult.NO_STATUS, "", "", shown));
            return StepRunner.Prepared.command(StepScripts.command(rendered));
        } catch (RenderException | RuntimeException e) {
            return StepRunner.Prepared.refused(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void ended(HostRun h, int k, int attempt, ExecResult r) {
        synchronized (run) {
            decide(h, k, attempt, r);
        }
    }

    private void decide(HostRun h, int k, int attempt, ExecResult r) {
        PlannedStep step = steps.get(k);
        Instant now = Instant.now();
        Instant started = h.started == null ? now : h.started;
        h.current = null;
        if (h.cancelled || run.cancelled() || r.failure() == FailureKind.CANCELLED) {
            record(h, k, attempt, StepState.CANCELLED, started, now, r, r.message());
            h.stepState(k, StepState.CANCELLED);
            run.hostEnded(h, HostRunState.CANCELLED);
            return;
        }
        boolean ran = r.failure() == FailureKind.NONE && r.exitSignal().isEmpty();
        if (r.succeeded() && !plan.publishes(step).isEmpty()) {
            readPublished(h, k, attempt, started, r);
        } else if (r.succeeded()) {
            record(h, k, attempt, StepState.OK, started, now, r, "");
            h.stepState(k, StepState.OK);
            completed(h, k);
        } else if (ran && step.incompleteExit() >= 0 && r.exitStatus() == step.incompleteExit()
                && ++h.incompleteRuns < MAX_INCOMPLETE_RUNS) {
            Duration wait = positive(step.backoff(), Duration.ofSeconds(1));
            record(h, k, attempt, StepState.RETRY_WAIT, started, now, r, "incomplete (exit " + r.exitStatus()
                    + "): runs again in " + seconds(wait));
            again(h, k, wait, false);
        } else if (ran && step.rebootExit() >= 0 && r.exitStatus() == step.rebootExit()) {
            record(h, k, attempt, StepState.OK, started, now, r, "asked for a reboot (exit " + r.exitStatus()
                    + "); the next step waits until the host is back");
            h.stepState(k, StepState.OK);
            reboot(h, k);
        } else if (r.failure() != FailureKind.RENDER_FAILED && h.failedAttempts++ < step.retries()) {
            Duration wait = positive(step.backoff(), Duration.ZERO).multipliedBy(1L << Math.min(20,
                    h.failedAttempts - 1));
            record(h, k, attempt, StepState.FAILED, started, now, r, r.message() + "; retry " + h.failedAttempts
                    + " of " + step.retries() + " in " + seconds(wait));
            again(h, k, wait, r.failed());
        } else {
            boolean goOn = step.continueOnFailure();
            record(h, k, attempt, StepState.FAILED, started, now, r, goOn ? r.message() + "; the host goes on "
                    + "with its next step (continue_on_failure)" : r.message());
            h.stepState(k, StepState.FAILED);
            if (h.softFailed == null) { // the first failure names the host's cause, also when it goes on
                h.lastFailure = r.message();
                h.lastKind = r.failure() == FailureKind.NONE ? "exit " + r.exitStatus() : r.failure().name();
            }
            if (goOn) {
                h.softFailed = h.softFailed == null ? step : h.softFailed;
                completed(h, k);
            } else {
                run.hostFailed(h, step);
            }
        }
    }

    /**
     * The host is through step {@code k} (well, or failed with continue_on_failure): on to the next, or, after the
     * last, it ends done, or failed when a step let it go on after failing (the failure policy applies then).
     */
    private void completed(HostRun h, int k) {
        if (k + 1 >= steps.size() && h.softFailed != null) {
            run.hostFailed(h, h.softFailed);
        } else {
            run.stepCompleted(h, k);
        }
    }

    /**
     * The step ran: read what it published over the same connection, store it on the timer thread (a database
     * write, never on an SSH thread), and only then count the step done, so the next step (linear) sees it.
     */
    private void readPublished(HostRun h, int k, int attempt, Instant started, ExecResult ran) {
        PlannedStep step = steps.get(k);
        List<String> lines = new ArrayList<>();
        OutputSink capture = (host, stream, at, line) -> {
            if (stream == StreamKind.STDOUT) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        };
        h.current = runner.submit(new StepRunner.Request(h.planned, () -> {
            try {
                return StepRunner.Prepared.command(PublishedFiles.readCommand(plan.publishes(step)));
            } catch (IllegalArgumentException e) {
                return StepRunner.Prepared.refused(e.getMessage());
            }
        }, Duration.ofSeconds(30), capture, () -> { }, false, true));
        h.current.result().whenComplete((r, e) -> timers.execute(() -> {
            String failure = null;
            String where = "";
            Map<String, String> values = Map.of();
            if (!r.succeeded()) {
                failure = "the step ran, but its published values could not be read from " + h.name() + ": "
                        + r.message();
            } else {
                synchronized (lines) {
                    values = PublishedFiles.parse(lines);
                }
                try {
                    where = values.isEmpty() ? "" : plan.publish(id, step, h.machine, values);
                } catch (RuntimeException x) {
                    failure = h.name() + " published " + String.join(", ", values.keySet()) + ", which the "
                            + "inventory refused: " + x.getMessage();
                }
            }
            synchronized (run) {
                h.current = null;
                Instant end = Instant.now();
                if (h.cancelled || run.cancelled()) {
                    record(h, k, attempt, StepState.CANCELLED, started, end, ran, "cancelled while its published "
                            + "values were read");
                    h.stepState(k, StepState.CANCELLED);
                    run.hostEnded(h, HostRunState.CANCELLED);
                } else if (failure != null) {
                    record(h, k, attempt, StepState.FAILED, started, end, ran, failure);
                    h.stepState(k, StepState.FAILED);
                    h.lastFailure = failure;
                    h.lastKind = "PUBLISH";
                    run.hostFailed(h, step);
                } else {
                    record(h, k, attempt, StepState.OK, started, end, ran, values.isEmpty() ? ""
                            : "published " + String.join(", ", values.keySet()) + " to " + where);
                    h.stepState(k, StepState.OK);
                    completed(h, k);
                }
            }
        }));
    }

    private void again(HostRun h, int k, Duration wait, boolean reconnect) {
        h.stepState(k, StepState.RETRY_WAIT);
        // the job's monitor is held: the timer's task waits for it, by which time h.timer is set
        h.timer = timers.schedule(() -> {
            synchronized (run) {
                if (h.timer == null || h.cancelled || run.cancelled()) {
                    return;
                }
                if (run.stopping()) {
                    h.timer = null;
                    run.stopHost(h);
                } else {
                    submit(h, k, true, reconnect);
                }
            }
        }, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reboots the host, then polls it with {@code true} over a new connection until it answers. */
    private void reboot(HostRun h, int k) {
        h.rebootPolls = 0;
        h.current = runner.submit(new StepRunner.Request(h.planned, () -> StepRunner.Prepared.command("reboot"),
                Duration.ofSeconds(30), OutputSink.DISCARD, () -> { }, false, true));
        h.current.result().whenComplete((r, e) -> {
            synchronized (run) {
                h.current = null;
                if (h.planned.target() != null) {
                    runner.connections().reconnect(h.planned.target());
                }
                pollBack(h, k);
            }
        });
    }

    private void pollBack(HostRun h, int k) {
        if (h.cancelled || run.cancelled()) {
            run.hostEnded(h, HostRunState.CANCELLED);
            return;
        }
        h.timer = timers.schedule(() -> {
            synchronized (run) {
                h.timer = null;
                if (h.cancelled || run.cancelled()) {
                    pollBack(h, k);
                    return;
                }
                h.current = runner.submit(new StepRunner.Request(h.planned,
                        () -> StepRunner.Prepared.command("true"), Duration.ofSeconds(30), OutputSink.DISCARD,
                        () -> { }, true, true));
                h.current.result().whenComplete((r, e) -> {
                    synchronized (run) {
                        h.current = null;
                        if (r.succeeded()) {
                            completed(h, k);
                        } else if (++h.rebootPolls >= MAX_REBOOT_POLLS) {
                            h.lastFailure = h.name() + " did not come back after its reboot (" + r.message() + ")";
                            h.lastKind = "REBOOT";
                            run.hostFailed(h, steps.get(k));
                        } else {
                            pollBack(h, k);
                        }
                    }
                });
            }
        }, rebootPoll.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void record(HostRun h, int k, int attempt, StepState s, Instant started, Instant ended, ExecResult r,
                        String message) {
        String failure = r.failure() == FailureKind.NONE ? "" : r.failure().name();
        listener.step(id, new JobListener.StepResult(h.name(), k, attempt, s, started, ended, r.exitStatus(),
                failure, message, h.shown));
    }

    private static Duration positive(Duration d, Duration fallback) {
        return d == null || d.isNegative() || d.isZero() ? fallback : d;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
