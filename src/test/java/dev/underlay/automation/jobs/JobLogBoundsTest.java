package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.db.Database;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job log's queue is bounded: while the database does not take writes, a producer (an SSH thread) waits a
 * bounded time, then lines are dropped, counted, and stored as notes once the database is back; nothing is lost
 * silently, and a log whose database keeps up drops nothing. Real H2 underneath; only the write is held.
 */
class JobLogBoundsTest {
    private static final Pattern NOTE = Pattern.compile("^\\[underlay\\] (\\d+) output lines of (\\S+) were dropped");

    @TempDir
    Path dir;

    @Test
    void aFullQueueDropsLinesCountedAndStoredAsANoteWithoutBlockingTheProducer() throws Exception {
        try (Database db = Database.open(dir.resolve("data"))) {
            Held repo = new Held(new JdbcJobRepository(db));
            long job = newJob(repo);
            int n = 5_000;
            try (JobLog log = new JobLog(repo, new LogQueue.Limits(1_000, 1L << 20, 100))) {
                log.startJob(job, 0);
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    log.line(job, i % 2 == 0 ? "a" : "b", 0, StreamKind.STDOUT, Instant.now(), "line " + i);
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertTrue(seconds < 10, "the producer was held " + seconds + " s with the database stalled");
                assertTrue(log.dropped() > 0, "the stalled database made the log drop lines");
                repo.release.countDown();
                log.flush();
                List<String> stored = new ArrayList<>();
                repo.output(job, null, null, l -> stored.add(l.host() + " " + l.text()));
                long plain = stored.stream().filter(s -> !s.contains(JobLog.DROPPED_PREFIX)).count();
                long noted = 0;
                for (String s : stored) {
                    Matcher m = NOTE.matcher(s.substring(2));
                    if (m.find()) {
                        noted += Long.parseLong(m.group(1));
                        assertEquals(s.substring(0, 1), m.group(2), "the note names its host: " + s);
                    }
                }
                assertEquals(log.dropped(), noted, "every dropped line is counted in a stored note");
                assertEquals(n, plain + noted, "kept + dropped = printed");
                assertTrue(plain >= 1_000, "the queue's worth was kept: " + plain);
            }
        }
    }

    @Test
    void aLogWhoseDatabaseKeepsUpDropsNothing() throws Exception {
        try (Database db = Database.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long job = newJob(repo);
            int n = 30_000;
            try (JobLog log = new JobLog(repo, new LogQueue.Limits(5_000, 1L << 20, 2_000))) {
                log.startJob(job, 0);
                for (int i = 0; i < n; i++) {
                    log.line(job, "h" + (i % 50), 0, StreamKind.STDERR, Instant.now(), "line " + i);
                }
                log.flush();
                assertEquals(0, log.dropped());
            }
            long[] stored = {0};
            repo.output(job, null, null, l -> stored[0]++);
            assertEquals(n, stored[0]);
        }
    }

    static long newJob(JobRepository repo) {
        return repo.create(new JobRepository.NewJob("bounds", "command:true", JobTarget.query("all"),
                JobOptions.DEFAULTS, null, Instant.now(), List.of("s"), List.of(List.of("a", "b")),
                JobState.RUNNING));
    }

    /** The real repository whose log writes wait until released (a database that has stopped taking writes). */
    static class Held implements JobRepository {
        final CountDownLatch release = new CountDownLatch(1);
        private final JobRepository real;

        Held(JobRepository real) {
            this.real = real;
        }

        @Override
        public void write(Batch batch) {
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the writes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            real.write(batch);
        }

        @Override
        public long create(NewJob job) {
            return real.create(job);
        }

        @Override
        public int markInterrupted(Instant at) {
            return real.markInterrupted(at);
        }

        @Override
        public List<JobSummary> list(int limit) {
            return real.list(limit);
        }

        @Override
        public List<JobSummary> unended() {
            return real.unended();
        }

        @Override
        public Optional<JobSummary> find(long id) {
            return real.find(id);
        }

        @Override
        public java.util.Map<String, dev.underlay.ssh.HostRunState> lastHostStates() {
            return real.lastHostStates();
        }

        @Override
        public List<HostRow> hosts(long id) {
            return real.hosts(id);
        }

        @Override
        public List<JobListener.StepResult> results(long id) {
            return real.results(id);
        }

        @Override
        public void output(long id, String host, Integer step, Consumer<OutputLine> each) {
            real.output(id, host, step, each);
        }

        @Override
        public int purgeEndedBefore(Instant cutoff) {
            return real.purgeEndedBefore(cutoff);
        }

        @Override
        public boolean delete(long id) {
            return real.delete(id);
        }
    }
}
