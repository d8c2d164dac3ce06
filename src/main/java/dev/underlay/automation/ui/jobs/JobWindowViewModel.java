package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.JobHandle;
import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRun;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.ui.log.JobLogViewModel;
import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.NodeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The job window's state: the job's {@link JobProgress} read from the database, moved on by the live events of
 * {@link JobEvents} (queued on I/O threads, applied by {@link #drain()} once per pulse), the header's figures, the
 * failure groups, the controls the engine offers for a job running in this process, and the job's whole log
 * ({@link JobLogFeed} into a {@link JobLogViewModel}; a chosen cell focuses it). A job another process runs (the CLI) is read again from the database every two seconds until it ends.
 * Closing the window ({@link #close()}) stops watching; it never stops the job. Never touches a control.
 */
public final class JobWindowViewModel implements AutoCloseable {
    /** Events applied per drain, so one pulse never does unbounded work. */
    static final int MAX_PER_DRAIN = 20_000;
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration FIGURES = Duration.ofMillis(250);

    private final long id;
    private final JobService jobs;
    private final TaskRunner tasks;
    private final Supplier<Instant> clock;
    private final LongConsumer opened;
    private final Queue<JobEvent> incoming = new ConcurrentLinkedQueue<>();
    private final Runnable unwatch;
    private final JobEvents events;
    private final ReadOnlyObjectWrapper<JobProgress> progress = new ReadOnlyObjectWrapper<>(this, "progress");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Reading the job\u2026");
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper(this, "counts", "");
    private final ReadOnlyStringWrapper time = new ReadOnlyStringWrapper(this, "time", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(this, "fraction", -1);
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper(this, "canCancel");
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper(this, "canPause");
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "canResume");
    private final ReadOnlyBooleanWrapper canApprove = new ReadOnlyBooleanWrapper(this, "canApprove");
    private final ReadOnlyBooleanWrapper canRerun = new ReadOnlyBooleanWrapper(this, "canRerun");
    private final ObservableList<JobProgress.FailureGroup> failures = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<JobLogViewModel> log = new ReadOnlyObjectWrapper<>(this, "log");
    private JobLogFeed feed;
    private final List<JobListener.StepResult> stepEvents = new java.util.ArrayList<>();
    private long shownVersion = -1;
    private JobState shownState;
    private Instant lastFigures = Instant.EPOCH;
    private Instant lastPoll = Instant.EPOCH;
    private boolean loading;
    private boolean closed;

    /**
     * @param events the console's listener: this job's live events come from it, and reruns report to it
     * @param opened told the id of each job this window starts (a rerun), to open its window
     */
    private record Loaded(JobProgress progress, List<JobListener.StepResult> results) {
    }

    public JobWindowViewModel(long id, JobService jobs, JobEvents events, TaskRunner tasks, Supplier<Instant> clock,
                              LongConsumer opened) {
        this.id = id;
        this.jobs = jobs;
        this.tasks = tasks;
        this.clock = clock;
        this.opened = opened;
        this.events = events;
        // watch before reading: what happens while the database is read is queued, and final states stick
        this.unwatch = events.watch(id, incoming::add);
        load();
    }

    private void load() {
        loading = true;
        tasks.submit("read-job-" + id, () -> {
            jobs.flush();
            var summary = jobs.find(id).orElseThrow(() -> new IllegalArgumentException("job " + id
                    + " is no longer in the database (purged by the retention setting?)"));
            List<JobListener.StepResult> results = jobs.results(id);
            return new Loaded(new JobProgress(summary, jobs.hosts(id), results), results);
        }, loaded -> {
            loading = false;
            if (!closed) {
                JobProgress p = loaded.progress();
                if (feed == null) {
                    feed = new JobLogFeed(id, jobs, tasks, new JobLogViewModel(p.summary().stepLabels(), tasks),
                            problem::set);
                    log.set(feed.log());
                }
                feed.results(loaded.results());
                progress.set(p);
                title.set("Job " + p.id() + ": " + p.summary().title() + " on " + p.summary().target());
                shownVersion = -1;
                shownState = null;
                lastFigures = Instant.EPOCH;
                drain();
            }
        }, e -> {
            loading = false;
            problem.set("Cannot read job " + id + ": " + e.getMessage());
        });
    }

    /** Applies the queued events and refreshes the figures (at most four times a second); FX thread. */
    public void drain() {
        JobProgress p = progress.get();
        if (p == null || closed) {
            return;
        }
        JobEvent e;
        int n = 0;
        while (n < MAX_PER_DRAIN && (e = incoming.poll()) != null) {
            p.apply(e);
            if (e instanceof JobEvent.StepChanged s) {
                stepEvents.add(s.result());
            }
            n++;
        }
        Instant now = clock.get();
        // a state change shows at once (ended, paused, awaiting approval); host and step changes at most every
        // 250 ms: four labels and a progress bar laid out again on every pulse of a busy job cost the pulse
        if (p.state() != shownState || Duration.between(lastFigures, now).compareTo(FIGURES) >= 0) {
            figures(p, now);
        }
        if (!p.state().isFinal() && run().isEmpty() && !loading
                && Duration.between(lastPoll, now).compareTo(POLL) >= 0) {
            lastPoll = now;
            load(); // run by another process: only the database knows
        }
        if (!stepEvents.isEmpty()) {
            feed.results(stepEvents);
            stepEvents.clear();
        }
        feed.pulse(now, !p.state().isFinal());
    }

    private void figures(JobProgress p, Instant now) {
        boolean changed = p.version() != shownVersion;
        shownVersion = p.version();
        shownState = p.state();
        lastFigures = now;
        JobProgress.Counts c = p.counts();
        counts.set(String.format(Locale.ROOT, "%d queued, %d running, %d ok, %d failed, %d skipped, %d cancelled",
                c.queued(), c.running(), c.ok(), c.failed(), c.skipped(), c.cancelled()));
        fraction.set(p.fraction());
        Optional<Duration> left = p.remaining(now);
        time.set("Elapsed " + Durations.text(p.elapsed(now)) + left.map(d -> ", about " + Durations.text(d)
                + " left").orElse(""));
        JobState s = p.state();
        status.set(s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' ')
                + (p.message().isEmpty() ? "" : ": " + p.message()));
        boolean live = run().isPresent() && !s.isFinal();
        canCancel.set(live);
        canPause.set(live && s == JobState.RUNNING);
        canResume.set(live && s == JobState.PAUSED);
        canApprove.set(live && s == JobState.AWAITING_APPROVAL);
        canRerun.set(s.isFinal() && c.failed() > 0);
        if (changed) {
            List<JobProgress.FailureGroup> groups = p.failureGroups();
            if (!groups.equals(failures)) {
                failures.setAll(groups);
            }
        }
    }

    private Optional<JobRun> run() {
        return jobs.active(id);
    }

    public void cancel() {
        run().ifPresent(JobRun::cancel);
    }

    /** Whether {@code host} can be cancelled alone: the job runs in this process and the host is queued or running. */
    public boolean canCancelHost(String host) {
        JobProgress p = progress.get();
        if (p == null || p.state().isFinal() || run().isEmpty()) {
            return false;
        }
        int i = p.hostIndex(host);
        return i >= 0 && !p.hostState(i).isFinal();
    }

    /** Cancels one host (on the task runner: a running step is stopped over SSH); the others go on. */
    public void cancelHost(String host) {
        run().ifPresent(r -> tasks.submit("cancel-host-" + id, () -> r.cancel(host), cancelled -> {
            if (!cancelled) {
                problem.set("Host " + host + " of job " + id + " had already ended; nothing was cancelled.");
            }
        }, e -> problem.set("Host " + host + " of job " + id + " could not be cancelled: " + e.getMessage())));
    }

    public void pause() {
        run().ifPresent(JobRun::pause);
    }

    public void resume() {
        run().ifPresent(JobRun::resume);
    }

    public void approve() {
        run().ifPresent(JobRun::approve);
    }

    /** Runs every failed host again, as a new job linked to this one. */
    public void rerunFailed() {
        rerun("rerun-failed-" + id, () -> jobs.rerunFailed(id, events));
    }

    /** Runs again only the hosts of one failure group, with this job's plan and options. */
    public void rerun(JobProgress.FailureGroup group) {
        JobProgress p = progress.get();
        if (p == null) {
            return;
        }
        var s = p.summary();
        rerun("rerun-group-" + id, () -> jobs.start(jobs.plan(s.planName()), s.planName(),
                JobTarget.hosts(group.hosts()), s.options().withDryRun(false), events, id));
    }

    private void rerun(String name, java.util.concurrent.Callable<JobHandle> start) {
        problem.set("");
        tasks.submit(name, start, h -> opened.accept(h.id()), e -> problem.set("Job " + id
                + " could not be run again: " + e.getMessage()));
    }

    /** Shows the log of one host at one step (step -1: every step of the host). */
    public void select(String host, int step) {
        JobLogViewModel l = log.get();
        if (l != null) {
            l.show(host, step < 0 ? null : step);
            if (step >= 0) {
                l.groups().choose(step); // and beside it, how that step's output compares across hosts
            }
        }
    }

    /** The job's log, set once the job was first read (its step labels name the steps). */
    public ReadOnlyObjectProperty<JobLogViewModel> logProperty() {
        return log.getReadOnlyProperty();
    }

    public long id() {
        return id;
    }

    public ReadOnlyObjectProperty<JobProgress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeProperty() {
        return time.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApproveProperty() {
        return canApprove.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRerunProperty() {
        return canRerun.getReadOnlyProperty();
    }

    public ObservableList<JobProgress.FailureGroup> failures() {
        return failures;
    }

    /** A group's hosts as a folded node set: {@code lab[0003-0005]}. */
    public static String hostsText(JobProgress.FailureGroup g) {
        return NodeSet.fold(g.hosts());
    }

    /** Stops watching the job; the job goes on. */
    @Override
    public void close() {
        closed = true;
        if (feed != null) {
            feed.close();
        }
        unwatch.run();
        incoming.clear();
    }
}
