package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.ssh.HostRunState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The console's one listener on the jobs it starts: passed as the extra listener of every start, it hands each
 * job's events to whoever watches that job (its window) and tells the jobs list that something changed. Called on
 * I/O threads; subscribers must only queue. Lines are not passed on: the log is read back from the database (JobLogFeed).
 */
public final class JobEvents implements JobListener {
    private final Map<Long, List<Consumer<JobEvent>>> watchers = new ConcurrentHashMap<>();
    private final List<Runnable> anyChange = new CopyOnWriteArrayList<>();
    private final List<java.util.function.BiConsumer<String, HostRunState>> hostChanges =
            new CopyOnWriteArrayList<>();

    /** Starts passing events of {@code job} to {@code each}; the returned action stops it. */
    public Runnable watch(long job, Consumer<JobEvent> each) {
        watchers.computeIfAbsent(job, j -> new CopyOnWriteArrayList<>()).add(each);
        return () -> watchers.computeIfPresent(job, (j, l) -> {
            l.remove(each);
            return l.isEmpty() ? null : l;
        });
    }

    /** Runs {@code r} (on an I/O thread) at every job or host change of any job. */
    public void onAnyChange(Runnable r) {
        anyChange.add(r);
    }

    /** Tells {@code each} (on an I/O thread; it must only queue) every host's new state in any job: live colourings. */
    public void onHostChange(java.util.function.BiConsumer<String, HostRunState> each) {
        hostChanges.add(each);
    }

    int watchers(long job) {
        List<Consumer<JobEvent>> l = watchers.get(job);
        return l == null ? 0 : l.size();
    }

    private void post(JobEvent e) {
        List<Consumer<JobEvent>> l = watchers.get(e.job());
        if (l != null) {
            l.forEach(c -> c.accept(e));
        }
    }

    @Override
    public void jobState(long job, JobState state, String message) {
        post(new JobEvent.JobChanged(job, state, message));
        anyChange.forEach(Runnable::run);
    }

    @Override
    public void hostState(long job, String host, HostRunState state) {
        post(new JobEvent.HostChanged(job, host, state));
        hostChanges.forEach(c -> c.accept(host, state));
        anyChange.forEach(Runnable::run);
    }

    @Override
    public void step(long job, StepResult result) {
        post(new JobEvent.StepChanged(job, result));
    }
}
