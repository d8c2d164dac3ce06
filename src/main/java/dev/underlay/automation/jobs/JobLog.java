package dev.underlay.automation.jobs;

import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what running jobs report to the {@link JobRepository}: the SSH threads only put events in a bounded
 * {@link LogQueue}; one writer thread takes them out every {@link #FLUSH_MILLIS} ms (sooner when {@link #BATCH}
 * lines wait) and writes them in one transaction through the repository's log path, which H2 has in the file at
 * once and synced at most once a second (decision 0019). A process killed at any moment so keeps every line that
 * arrived up to a quarter of a second (plus one write) before. A write that fails is kept and tried again on the
 * next turn; while it is retried the queue fills, and lines that find it full are dropped, counted, and stored as
 * one line saying how many, never silently.
 */
public final class JobLog implements JobListener, AutoCloseable {
    /** How long an event waits at most before its write starts. */
    public static final long FLUSH_MILLIS = 250;
    /**
     * Events written in one transaction at most: H2 takes longer per row in larger ones (25,000 cost 1.8 times
     * the CPU of 10,000 a row), so a busy turn writes several.
     */
    static final int BATCH = 10_000;
    /** Marks the stored line that stands for dropped ones. */
    public static final String DROPPED_PREFIX = "[underlay] ";
    private static final Logger LOG = LoggerFactory.getLogger(JobLog.class);

    private final JobRepository repository;
    private final LogQueue queue;
    private final Map<Long, AtomicLong> seq = new ConcurrentHashMap<>();
    private final Object writing = new Object();
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closed;
    private volatile boolean warned;
    private Pending pending;

    public JobLog(JobRepository repository) {
        this(repository, LogQueue.Limits.DEFAULT);
    }

    JobLog(JobRepository repository, LogQueue.Limits limits) {
        this.repository = repository;
        this.queue = new LogQueue(limits);
        this.writer = new Thread(this::loop, "underlay-job-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Numbers the job's lines from {@code next} (0 for a new job). */
    void startJob(long job, long next) {
        seq.put(job, new AtomicLong(next));
    }

    @Override
    public void jobState(long job, JobState state, String message) {
        offer(new JobRepository.JobStateChange(job, state, message, Instant.now()));
    }

    @Override
    public void hostState(long job, String host, HostRunState state) {
        offer(new JobRepository.HostStateChange(job, host, state));
    }

    @Override
    public void step(long job, StepResult result) {
        offer(new JobRepository.StepRow(job, result));
    }

    /**
     * Queues one line; when the queue is full, waits for room at most {@link LogQueue.Limits#waitMillis()}, and
     * drops (and counts) the line when there is still none. Never blocks longer.
     */
    @Override
    public void line(long job, String host, int step, StreamKind stream, Instant at, String text) {
        if (!queue.admit(LogQueue.size(text), new LogQueue.Gap(job, host, step, stream))) {
            if (!warned) {
                warned = true;
                LOG.warn("Job {}: the job log's database writes fell behind ({} lines queued); output lines are "
                        + "dropped and counted until it catches up", job, queue.lines());
            }
            return;
        }
        offer(new LogQueue.Line(job, host, step, stream, at, text)); // numbered by the writer (drain)
    }

    private void offer(Object event) {
        if (queue.put(event) == BATCH) {
            LockSupport.unpark(writer);
        }
    }

    /** Lines and changes written so far (for benchmarks and progress); dropped-line notes count as lines. */
    public long written() {
        return written.get();
    }

    /** Output lines dropped since this log was made because its queue was full. */
    public long dropped() {
        return queue.dropped();
    }

    /** Writes everything queued now, on the caller's thread, before returning. */
    public void flush() {
        synchronized (writing) {
            int turns = queue.events() / BATCH + 2; // what was queued when the flush began, and the drop notes
            do {
                if (!writeOnce()) {
                    return;
                }
            } while ((!queue.isEmpty() || pending != null) && --turns > 0);
        }
    }

    private void loop() {
        while (!closed) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS));
            synchronized (writing) {
                while (!closed) {
                    if (!writeOnce() || queue.events() < BATCH) {
                        break;
                    }
                }
            }
        }
    }

    /** One transaction; false when it failed (kept for the next turn). */
    private boolean writeOnce() {
        if (pending == null) {
            pending = drain();
        }
        try {
            if (!pending.batch().isEmpty()) {
                repository.write(pending.batch());
            }
            written.addAndGet(pending.count());
            pending = null;
            warned = false;
            return true;
        } catch (RuntimeException e) {
            LOG.error("Job log write failed; it is tried again in {} ms: {}", FLUSH_MILLIS, e.toString());
            return false;
        }
    }

    /** Writes what is queued and stops the writer. */
    @Override
    public void close() {
        flush();
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    private record Pending(JobRepository.Batch batch, int count) {
    }

    /** Takes events out of the queue into a batch, with a note for each place lines were dropped. */
    private Pending drain() {
        List<JobRepository.JobStateChange> jobs = new ArrayList<>();
        List<JobRepository.HostStateChange> hosts = new ArrayList<>();
        List<JobRepository.StepRow> steps = new ArrayList<>();
        List<JobRepository.LineRow> lines = new ArrayList<>();
        List<Object> events = queue.take(BATCH);
        for (Object e : events) {
            if (e instanceof LogQueue.Line l) {
                // numbered here, in the order taken: numbered on the SSH threads, a line could be queued after
                // one with a higher seq was written, and a reader after that seq (the job window) never saw it
                long n = seq.computeIfAbsent(l.job(), j -> new AtomicLong()).getAndIncrement();
                lines.add(new JobRepository.LineRow(l.job(), new JobRepository.OutputLine(n, l.at(), l.host(),
                        l.step(), l.stream(), l.text())));
            } else if (e instanceof JobRepository.StepRow s) {
                steps.add(s);
            } else if (e instanceof JobRepository.HostStateChange h) {
                hosts.add(h);
            } else if (e instanceof JobRepository.JobStateChange j) {
                jobs.add(j);
            }
        }
        int n = events.size();
        Map<Long, long[]> perJob = new java.util.TreeMap<>(); // one warning per job and turn: lines, hosts
        for (Map.Entry<LogQueue.Gap, Long> g : queue.takeGaps().entrySet()) {
            LogQueue.Gap gap = g.getKey();
            long s = seq.computeIfAbsent(gap.job(), j -> new AtomicLong()).getAndIncrement();
            String note = DROPPED_PREFIX + g.getValue() + " output lines of " + gap.host() + " were dropped here: "
                    + "the job log's database writes fell behind and its queue was full";
            long[] sum = perJob.computeIfAbsent(gap.job(), j -> new long[2]);
            sum[0] += g.getValue();
            sum[1]++;
            lines.add(new JobRepository.LineRow(gap.job(), new JobRepository.OutputLine(s, Instant.now(),
                    gap.host(), gap.step(), gap.stream(), note)));
            n++;
        }
        perJob.forEach((job, sum) -> LOG.warn("Job {}: {} output lines of {} hosts dropped (the job log was full); "
                + "each host's log says how many", job, sum[0], sum[1]));
        return new Pending(new JobRepository.Batch(jobs, hosts, steps, lines), n);
    }
}
