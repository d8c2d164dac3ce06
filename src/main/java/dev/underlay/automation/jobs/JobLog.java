package dev.underlay.automation.jobs;

import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what running jobs report to the {@link JobRepository}: the SSH threads only put events in a queue; one
 * writer thread takes them out every {@link #FLUSH_MILLIS} ms (sooner when {@link #BATCH} lines wait) and writes
 * them in one transaction. A process killed at any moment so keeps every line that arrived up to a quarter of a
 * second (plus one write) before. A write that fails is kept and tried again on the next turn.
 */
public final class JobLog implements JobListener, AutoCloseable {
    /** How long an event waits at most before its write starts. */
    public static final long FLUSH_MILLIS = 250;
    /** Lines written in one transaction at most. */
    static final int BATCH = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(JobLog.class);

    private final JobRepository repository;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<Long, AtomicLong> seq = new ConcurrentHashMap<>();
    private final Object writing = new Object();
    private final Thread writer;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closed;
    private Repository.Pending pending;

    public JobLog(JobRepository repository) {
        this.repository = repository;
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

    @Override
    public void line(long job, String host, int step, StreamKind stream, Instant at, String text) {
        long n = seq.computeIfAbsent(job, j -> new AtomicLong()).getAndIncrement();
        offer(new JobRepository.LineRow(job, new JobRepository.OutputLine(n, at, host, step, stream, text)));
    }

    private void offer(Object event) {
        queue.add(event);
        if (queued.incrementAndGet() == BATCH) {
            LockSupportWake.wake(writer);
        }
    }

    /** Lines and changes written so far (for benchmarks and progress). */
    public long written() {
        return written.get();
    }

    /** Writes everything queued now, on the caller's thread, before returning. */
    public void flush() {
        synchronized (writing) {
            while (!queue.isEmpty() || pending != null) {
                if (!writeOnce()) {
                    return;
                }
            }
        }
    }

    private void loop() {
        while (!closed) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FLUSH_MILLIS));
            synchronized (writing) {
                while (!closed && (!queue.isEmpty() || pending != null)) {
                    if (!writeOnce() || queued.get() < BATCH) {
                        break;
                    }
                }
            }
        }
    }

    /** One transaction; false when it failed (kept for the next turn). */
    private boolean writeOnce() {
        if (pending == null) {
            pending = Repository.drain(queue, queued, BATCH);
        }
        try {
            if (!pending.batch().isEmpty()) {
                repository.write(pending.batch());
            }
            written.addAndGet(pending.count());
            pending = null;
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
        LockSupportWake.wake(writer);
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }

    /** Parks and unparks the writer thread. */
    private static final class LockSupportWake {
        static void wake(Thread t) {
            java.util.concurrent.locks.LockSupport.unpark(t);
        }
    }

    /** Takes events out of the queue into a batch. */
    private static final class Repository {
        record Pending(JobRepository.Batch batch, int count) {
        }

        static Pending drain(ConcurrentLinkedQueue<Object> queue, AtomicInteger queued, int max) {
            List<JobRepository.JobStateChange> jobs = new ArrayList<>();
            List<JobRepository.HostStateChange> hosts = new ArrayList<>();
            List<JobRepository.StepRow> steps = new ArrayList<>();
            List<JobRepository.LineRow> lines = new ArrayList<>();
            int n = 0;
            Object e;
            while (n < max && (e = queue.poll()) != null) {
                n++;
                if (e instanceof JobRepository.LineRow l) {
                    lines.add(l);
                } else if (e instanceof JobRepository.StepRow s) {
                    steps.add(s);
                } else if (e instanceof JobRepository.HostStateChange h) {
                    hosts.add(h);
                } else if (e instanceof JobRepository.JobStateChange j) {
                    jobs.add(j);
                }
            }
            queued.addAndGet(-n);
            return new Pending(new JobRepository.Batch(jobs, hosts, steps, lines), n);
        }
    }
}
