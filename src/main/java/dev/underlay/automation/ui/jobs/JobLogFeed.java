package dev.underlay.automation.ui.jobs;

import dev.underlay.automation.jobs.JobListener;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobService;
import dev.underlay.automation.ui.log.JobLogViewModel;
import dev.underlay.automation.ui.log.LogEntry;
import dev.underlay.background.TaskRunner;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Feeds a job window's {@link JobLogViewModel} the job's whole output: the stored lines read on the task runner in
 * chunks after the last seq (at once for a job that ended, then every second while it runs), handed over one chunk
 * a pulse, and the step results (the snapshot's and the live ones) merged into them by time, so a step's end comes
 * after its lines and the grouping sees a host's output whole. A result waits until a read that began after it
 * arrived has caught up with the database; such a read first has the job log write what it holds, since a step's
 * lines reach the database through the log's queue (up to a quarter of a second later) while its end reaches the
 * window at once. A chunk goes to the viewer in slices of at most {@link #SLICE} lines a pulse, in order (a
 * 5,000-line chunk appended in one pulse held it for hundreds of ms; docs/benchmarks.md, issue 14). FX thread,
 * except the reads.
 */
final class JobLogFeed {
    static final int CHUNK = 5_000;
    /** Lines handed to the viewer in one pulse at most; the rest of a chunk goes in the next pulses. */
    static final int SLICE = 1_000;
    private static final Duration FOLLOW = Duration.ofSeconds(1);

    private record Pending(JobListener.StepResult result, long readsBefore) {
    }

    /** Where the feed reads the job's lines: the job service, in tests a stand-in. */
    interface Source {
        /** Writes what the job log holds, before returning. */
        void flush();

        void outputAfter(long job, long afterSeq, int limit, Consumer<JobRepository.OutputLine> each);
    }

    private final long job;
    private final Source jobs;
    private final TaskRunner tasks;
    private final JobLogViewModel log;
    private final Consumer<String> problem;
    private final Set<String> seen = new HashSet<>();
    private final List<Pending> results = new ArrayList<>();
    private final ArrayDeque<List<JobRepository.OutputLine>> chunks = new ArrayDeque<>();
    /** Lines of the head chunk already handed over. */
    private int sliced;
    private long lastSeq = -1;
    private long reads;
    /** The last read that caught up: results queued before it began may go out after the last line read. */
    private long released;
    private boolean reading;
    private boolean caughtUp;
    private boolean finalRead;
    private boolean closed;
    private Instant lastRead = Instant.EPOCH;

    JobLogFeed(long job, JobService jobs, TaskRunner tasks, JobLogViewModel log, Consumer<String> problem) {
        this(job, new Source() {
            @Override
            public void flush() {
                jobs.flush();
            }

            @Override
            public void outputAfter(long id, long afterSeq, int limit, Consumer<JobRepository.OutputLine> each) {
                jobs.outputAfter(id, afterSeq, limit, each);
            }
        }, tasks, log, problem);
    }

    JobLogFeed(long job, Source jobs, TaskRunner tasks, JobLogViewModel log, Consumer<String> problem) {
        this.problem = problem;
        this.job = job;
        this.jobs = jobs;
        this.tasks = tasks;
        this.log = log;
    }

    JobLogViewModel log() {
        return log;
    }

    /** Step results from a read of the job or a live event; ones already given are ignored. */
    void results(List<JobListener.StepResult> rs) {
        for (JobListener.StepResult r : rs) {
            if (r.state().isFinal() && r.started() != null) {
                // the database keeps an attempt's last state only: its start is said as a live job says it
                add(new JobListener.StepResult(r.host(), r.step(), r.attempt(), StepState.RUNNING, r.started(), null,
                        ExecResult.NO_STATUS, "", "", r.script()));
            }
            add(r);
        }
    }

    private void add(JobListener.StepResult r) {
        if (seen.add(r.host() + '\u0000' + r.step() + '\u0000' + r.attempt() + '\u0000' + r.state())) {
            results.add(new Pending(r, reads));
        }
    }

    /** Once a pulse: hands over one slice of the chunks read, and reads the next when it is time. */
    void pulse(Instant now, boolean live) {
        if (closed) {
            return;
        }
        List<JobRepository.OutputLine> chunk = chunks.peek();
        if (chunk != null) {
            int end = Math.min(chunk.size(), sliced + SLICE);
            List<JobRepository.OutputLine> slice = chunk.subList(sliced, end);
            if (end == chunk.size()) {
                chunks.poll();
                sliced = 0;
            } else {
                sliced = end;
            }
            feed(slice);
        }
        log.pulse(); // lines whose grouping the last recompute's interval held back: the job's last ones too
        if (reading || !chunks.isEmpty()) {
            return;
        }
        boolean due = !caughtUp || (live && Duration.between(lastRead, now).compareTo(FOLLOW) >= 0)
                || (!live && !finalRead);
        if (due) {
            finalRead = !live;
            lastRead = now;
            read(finalRead);
        }
    }

    private void read(boolean last) {
        long after = lastSeq;
        reading = true;
        caughtUp = false;
        reads++;
        long readNo = reads;
        // the job ended, or results wait for this read: their lines may still be queued for the log's writer
        boolean flush = last || !results.isEmpty();
        tasks.submit("job-log-" + job, () -> {
            if (flush) {
                jobs.flush();
            }
            List<JobRepository.OutputLine> out = new ArrayList<>();
            jobs.outputAfter(job, after, CHUNK, out::add);
            return out;
        }, more -> {
            reading = false;
            if (!more.isEmpty()) {
                lastSeq = more.get(more.size() - 1).seq();
            }
            caughtUp = more.size() < CHUNK;
            if (caughtUp) {
                released = readNo;
            }
            if (!more.isEmpty() || caughtUp) {
                chunks.add(more); // even empty, a read that caught up lets the results waiting for it go
            }
        }, e -> {
            reading = false;
            caughtUp = true;
            problem.accept("The log of job " + job + " could not be read from the database: " + e.getMessage());
        });
    }

    private void feed(List<JobRepository.OutputLine> lines) {
        results.sort(Comparator.comparing(p -> at(p.result())));
        // one batch in the order shown, published once: a result per host-step among the lines (20,000 in a
        // 1,000-host, 10-step job) must not each cost the log a pass and a regrouping
        List<LogEntry> batch = new ArrayList<>(lines.size() + results.size());
        int next = 0;
        for (JobRepository.OutputLine l : lines) {
            while (next < results.size() && before(results.get(next).result(), l.at())) {
                batch.add(new LogEntry.Step(results.get(next++).result()));
            }
            batch.add(new LogEntry.Output(l));
        }
        boolean tail = caughtUp && chunks.isEmpty();
        while (tail && next < results.size() && results.get(next).readsBefore() < released) {
            batch.add(new LogEntry.Step(results.get(next++).result()));
        }
        if (!batch.isEmpty()) {
            log.appendInOrder(batch);
        }
        results.subList(0, next).clear();
    }

    private static boolean before(JobListener.StepResult r, Instant line) {
        int c = at(r).compareTo(line);
        return c < 0 || (c == 0 && r.ended() == null);
    }

    private static Instant at(JobListener.StepResult r) {
        return r.ended() != null ? r.ended() : r.started() != null ? r.started() : Instant.EPOCH;
    }

    void close() {
        closed = true;
        chunks.clear();
        sliced = 0;
    }
}
