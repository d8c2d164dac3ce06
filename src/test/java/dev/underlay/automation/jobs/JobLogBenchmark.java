package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.db.Database;
import dev.underlay.ssh.StreamKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output lines stored per second: producer threads (standing in for SSH I/O threads) hand lines of 1,000 hosts to
 * the {@link JobLog} as fast as they can; the figure is lines over the time until the last one is committed in
 * H2, with the log's own flushing (every 250 ms, or at 50,000 waiting). Then a paced run at 20,000 lines/s prints
 * the heap it needs. Small by default (a smoke test); the figures come from
 * {@code mvn -o -q test -Dtest=JobLogBenchmark -Dunderlay.lines=2000000}. Printed, never asserted.
 */
class JobLogBenchmark {
    private static final int PRODUCERS = 4;

    @TempDir
    Path dir;

    @Test
    void linesStoredPerSecond() throws Exception {
        int n = Integer.getInteger("underlay.lines", 60_000);
        try (Database db = Database.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long job = repo.create(new JobRepository.NewJob("bench", "command:bench", JobTarget.query("all"),
                    JobOptions.DEFAULTS, null, Instant.now(), List.of("s"), List.of(List.of("h")), JobState.RUNNING));
            try (JobLog log = new JobLog(repo)) {
                log.startJob(job, 0);
                long t0 = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (int p = 0; p < PRODUCERS; p++) {
                    int first = p;
                    Thread t = new Thread(() -> {
                        for (int i = first; i < n; i += PRODUCERS) {
                            log.line(job, "lab" + String.format("%04d", i % 1000), 0, StreamKind.STDOUT,
                                    Instant.now(), "line " + i + " of the benchmark, about sixty bytes long.......");
                        }
                    });
                    t.start();
                    threads.add(t);
                }
                for (Thread t : threads) {
                    t.join();
                }
                long fed = System.nanoTime();
                while (log.written() < n) { // bounded: the writer takes everything within a few turns
                    Thread.sleep(5);
                }
                long t1 = System.nanoTime();
                System.out.printf(Locale.ROOT, "JobLogBenchmark: %,d lines stored in %.2f s = %,.0f lines/s "
                        + "(handed over in %.2f s by %d threads)%n", n, (t1 - t0) / 1e9, n / ((t1 - t0) / 1e9),
                        (fed - t0) / 1e9, PRODUCERS);
                paced(log, job, n);
            }
            long[] stored = {0};
            repo.output(job, null, null, l -> stored[0]++);
            assertEquals(n + Math.min(n, 20_000L * pacedSeconds()), stored[0]);
        }
    }

    private static int pacedSeconds() {
        return Integer.getInteger("underlay.paced.seconds", 2);
    }

    /** 20,000 lines a second for a few seconds; the heap used after each second. */
    private static void paced(JobLog log, long job, int offset) throws InterruptedException {
        int seconds = pacedSeconds();
        int perSecond = Math.min(offset, 20_000);
        long maxHeap = 0;
        long before = log.written();
        for (int s = 0; s < seconds; s++) {
            long start = System.nanoTime();
            for (int i = 0; i < perSecond; i++) {
                log.line(job, "lab" + (i % 1000), 0, StreamKind.STDOUT, Instant.now(), "paced line " + i);
                if (i % 1000 == 999) {
                    long due = start + (long) ((i + 1) * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
            Runtime rt = Runtime.getRuntime();
            maxHeap = Math.max(maxHeap, rt.totalMemory() - rt.freeMemory());
        }
        log.flush();
        System.out.printf(Locale.ROOT, "JobLogBenchmark: paced %,d lines/s for %d s, %,d stored, heap in use at "
                + "most %.0f MB%n", perSecond, seconds, log.written() - before, maxHeap / 1e6);
    }
}
