package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader that follows a running job by asking for the lines after the last seq it read (the job window's feed)
 * gets every line the log stores: each write holds only seqs above every seq written before it. Real H2; the
 * reader reads after each write, as if it read at that moment.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class JobLogOrderTest {
    @Parameter
    TestBackend backend;
    @TempDir
    Path dir;

    /** Writes through the real repository, then reads what followed the last seq read, as the feed does. */
    private static final class Following extends JobLogBoundsTest.Held {
        final CountDownLatch entered = new CountDownLatch(1);
        final List<JobRepository.OutputLine> read = new ArrayList<>();
        final List<long[]> batches = new ArrayList<>();
        long job;
        long last = -1;

        Following(JobRepository real) {
            super(real);
        }

        @Override
        public void write(Batch batch) {
            entered.countDown();
            super.write(batch);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (LineRow l : batch.lines()) {
                min = Math.min(min, l.line().seq());
                max = Math.max(max, l.line().seq());
            }
            batches.add(new long[] {min, max});
            outputAfter(job, last, Integer.MAX_VALUE, l -> {
                read.add(l);
                last = l.seq();
            });
        }
    }

    @Test
    void lineQueuedBehindADropNoteIsNotSkippedByAReaderFollowingTheSeqs() throws Exception {
        try (Database db = backend.open(dir.resolve("data"))) {
            Following repo = new Following(new JdbcJobRepository(db));
            repo.job = JobLogBoundsTest.newJob(repo);
            int queued = 25_000; // more than one write takes (JobLog.BATCH), all queued while the database is stuck
            try (JobLog log = new JobLog(repo, new LogQueue.Limits(queued + 1, 1L << 30, 10))) {
                log.startJob(repo.job, 0);
                log.line(repo.job, "a", 0, StreamKind.STDOUT, Instant.now(), "first");
                assertTrue(repo.entered.await(30, TimeUnit.SECONDS), "the writer took the first line");
                for (int i = 0; i < queued + 10; i++) { // the last ones find the queue full and are dropped
                    log.line(repo.job, i % 2 == 0 ? "a" : "b", 0, StreamKind.STDOUT, Instant.now(), "line " + i);
                }
                assertTrue(log.dropped() > 0);
                repo.release.countDown();
                log.flush();
            }
            List<JobRepository.OutputLine> stored = new ArrayList<>();
            repo.output(repo.job, null, null, stored::add);
            assertEquals(stored.size(), repo.read.size(), "lines the following reader never got: writes' seq spans "
                    + repo.batches.stream().map(b -> b[0] + "-" + b[1]).toList());
            assertEquals(stored, repo.read);
        }
    }

    @Test
    void linesFromManyThreadsAreWrittenInSeqOrderAcrossWrites() throws Exception {
        try (Database db = backend.open(dir.resolve("data"))) {
            Following repo = new Following(new JdbcJobRepository(db));
            repo.job = JobLogBoundsTest.newJob(repo);
            repo.release.countDown();
            int threads = 6;
            int each = 40_000;
            try (JobLog log = new JobLog(repo)) {
                log.startJob(repo.job, 0);
                List<Thread> producers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String host = "h" + t;
                    Thread p = new Thread(() -> {
                        for (int i = 0; i < each; i++) {
                            log.line(repo.job, host, 0, StreamKind.STDOUT, Instant.now(), "line " + i);
                        }
                    });
                    producers.add(p);
                    p.start();
                }
                for (Thread p : producers) {
                    p.join();
                }
                log.flush();
            }
            long before = -1;
            for (long[] b : repo.batches) {
                if (b[0] != Long.MAX_VALUE) {
                    assertTrue(b[0] > before, "a write below a seq already written: " + b[0] + " after " + before);
                    before = b[1];
                }
            }
            assertEquals((long) threads * each, repo.read.size(), "the following reader got every line");
        }
    }
}
