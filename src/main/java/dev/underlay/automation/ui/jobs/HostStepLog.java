package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.background.TaskRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The output of one host at one step of a job (or at every step), read from the database on the task runner;
 * while the job runs, the lines stored since are read again every second and appended. A newer choice of cell
 * supersedes a read in flight. FX thread.
 */
public final class HostStepLog {
    private static final Duration FOLLOW = Duration.ofSeconds(1);

    private final long job;
    private final JobService jobs;
    private final TaskRunner tasks;
    private final ObservableList<JobRepository.OutputLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper header = new ReadOnlyStringWrapper(this, "header",
            "Click a cell to read that host's output at that step.");
    private String host;
    private int step;
    private long lastSeq = -1;
    private long generation;
    private boolean reading;
    private Instant lastRead = Instant.EPOCH;

    HostStepLog(long job, JobService jobs, TaskRunner tasks) {
        this.job = job;
        this.jobs = jobs;
        this.tasks = tasks;
    }

    /** Shows {@code host}'s output at {@code step} (-1: at every step). */
    public void select(String host, int step) {
        this.host = host;
        this.step = step;
        generation++;
        lastSeq = -1;
        lines.clear();
        header.set("Output of " + host + (step < 0 ? "" : " at step " + (step + 1)) + " (reading\u2026)");
        read();
    }

    /** Reads what was stored since, at most once a second, while the job runs. */
    void tick(Instant now, boolean live) {
        if (live && host != null && !reading && Duration.between(lastRead, now).compareTo(FOLLOW) >= 0) {
            lastRead = now;
            read();
        }
    }

    private void read() {
        long gen = generation;
        long after = lastSeq;
        String h = host;
        Integer s = step < 0 ? null : step;
        reading = true;
        tasks.submit("job-log-" + job, () -> {
            List<JobRepository.OutputLine> out = new ArrayList<>();
            jobs.output(job, h, s, l -> {
                if (l.seq() > after) {
                    out.add(l);
                }
            });
            return out;
        }, more -> {
            reading = false;
            if (gen != generation) {
                return;
            }
            if (!more.isEmpty()) {
                lines.addAll(more);
                lastSeq = more.get(more.size() - 1).seq();
            }
            header.set("Output of " + h + (s == null ? "" : " at step " + (s + 1)) + ": "
                    + dev.underlay.inventory.Counted.of(lines.size(), "line"));
        }, e -> {
            reading = false;
            header.set("Cannot read the output of " + h + " in job " + job + ": " + e.getMessage());
        });
    }

    public ObservableList<JobRepository.OutputLine> lines() {
        return lines;
    }

    public ReadOnlyStringProperty headerProperty() {
        return header.getReadOnlyProperty();
    }

    public String host() {
        return host;
    }

    public int step() {
        return step;
    }
}
