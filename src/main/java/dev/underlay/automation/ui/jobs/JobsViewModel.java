package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.background.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Jobs area: the newest jobs with their state, title, target, host counts, start and duration, read from the
 * database on the task runner. {@link #tick()} (once a second from the view) reads them again when a job of this
 * console changed or one is still running, so the list follows live jobs at one read a second at most.
 */
public final class JobsViewModel {
    /** Jobs listed. */
    static final int LIMIT = 500;

    /** One job as listed; {@code running} counts the hosts not yet ended while the job runs. */
    public record JobRow(long id, JobState state, String title, String target, int hosts, int ok, int failed,
                         int running, Instant started, Instant ended, String message) {
        static JobRow of(JobRepository.JobSummary s) {
            int rest = Math.max(0, s.hosts() - s.done() - s.failed());
            return new JobRow(s.id(), s.state(), s.title(), s.target().toString(), s.hosts(), s.done(), s.failed(),
                    s.state().isFinal() ? 0 : rest, s.created(), s.ended(), s.message() == null ? "" : s.message());
        }

        public Duration duration(Instant now) {
            return Duration.between(started, ended == null ? now : ended);
        }
    }

    private final JobService jobs;
    private final TaskRunner tasks;
    private final Supplier<Instant> clock;
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private boolean reading;

    public JobsViewModel(JobService jobs, JobEvents events, TaskRunner tasks, Supplier<Instant> clock) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.clock = clock;
        events.onAnyChange(() -> dirty.set(true));
    }

    /** Reads the list again if something changed or a job runs (and no read is in flight); FX thread. */
    public void tick() {
        boolean live = rows.stream().anyMatch(r -> !r.state().isFinal());
        if (!reading && (dirty.getAndSet(false) || live)) {
            refresh();
        }
    }

    /** Reads the list now. */
    public void refresh() {
        reading = true;
        tasks.submit("list-jobs", () -> jobs.list(LIMIT).stream().map(JobRow::of).toList(), list -> {
            reading = false;
            problem.set("");
            if (!list.equals(rows)) {
                rows.setAll(list);
            }
        }, e -> {
            reading = false;
            problem.set("Cannot read the jobs: " + e.getMessage());
        });
    }

    /** Marks the list out of date (a job started here). */
    public void changed() {
        dirty.set(true);
    }

    /**
     * The newest job that ran on {@code machine}, looked for among the newest {@value #LIMIT} jobs on the task
     * runner; {@code found} gets it, or empty.
     */
    public void lastJobOf(String machine, Consumer<Optional<Long>> found) {
        tasks.submit("last-job-of-" + machine, () -> {
            for (JobRepository.JobSummary s : jobs.list(LIMIT)) {
                List<JobRepository.HostRow> hosts = jobs.hosts(s.id());
                if (hosts.stream().anyMatch(h -> h.host().equals(machine))) {
                    return Optional.of(s.id());
                }
            }
            return Optional.<Long>empty();
        }, found, e -> problem.set("Cannot look for the jobs of " + machine + ": " + e.getMessage()));
    }

    public ObservableList<JobRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Instant now() {
        return clock.get();
    }
}
