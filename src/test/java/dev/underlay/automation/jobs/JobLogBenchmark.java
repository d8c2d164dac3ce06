package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.db.Database;
import dev.underlay.e2e.LabWorld;
import dev.underlay.lab.FaultSpec;
import dev.underlay.ssh.StreamKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output lines stored per second, and the heap of a lab job printing 20,000 lines/s. Small by default (smoke
 * tests); the figures come from
 * {@code mvn -o -q test -Dtest=JobLogBenchmark -Dunderlay.seconds=10 -Dunderlay.hosts=1000} (docs/benchmarks.md).
 * Printed, never asserted, except that every line is accounted for.
 */
class JobLogBenchmark {
    private static final int PRODUCERS = 4;

    @TempDir
    Path dir;

    /**
     * Four threads (standing in for SSH I/O threads) hand lines of 1,000 hosts to the {@link JobLog} at
     * {@code underlay.rate} lines/s together (100,000 by default) for {@code underlay.seconds} (2 by default); the
     * log's queue pushes back when full. Printed: lines committed per second each second and over the window, the
     * writer's CPU (what it would take on a core of its own), lines dropped.
     */
    @Test
    void linesStoredPerSecondSustained() throws Exception {
        int seconds = Integer.getInteger("underlay.seconds", 2);
        double rate = Integer.getInteger("underlay.rate", 100_000);
        try (Database db = Database.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long job = repo.create(new JobRepository.NewJob("bench", "command:bench", JobTarget.query("all"),
                    JobOptions.DEFAULTS, null, Instant.now(), List.of("s"), List.of(List.of("h")), JobState.RUNNING));
            long fed;
            long stored;
            try (JobLog log = new JobLog(repo)) {
                log.startJob(job, 0);
                AtomicBoolean stop = new AtomicBoolean();
                long[] handed = new long[PRODUCERS];
                List<Thread> threads = new ArrayList<>();
                for (int p = 0; p < PRODUCERS; p++) {
                    int me = p;
                    Thread t = new Thread(() -> {
                        long start = System.nanoTime();
                        for (long i = me; !stop.get(); i += PRODUCERS) { // bounded: stopped after the window
                            log.line(job, "lab" + String.format("%04d", i % 1000), 0, StreamKind.STDOUT,
                                    Instant.now(), "line " + i + " of the benchmark, about sixty bytes long.......");
                            if (++handed[me] % 500 == 0) { // paced to the rate asked, in steps of 500 lines
                                long wait = start + (long) (handed[me] * 1e9 * PRODUCERS / rate) - System.nanoTime();
                                if (wait > 0) {
                                    LockSupportSleep.nanos(wait);
                                }
                            }
                        }
                    });
                    t.start();
                    threads.add(t);
                }
                long cpu0 = writerCpu();
                long t0 = System.nanoTime();
                long w0 = log.written();
                long last = w0;
                StringBuilder each = new StringBuilder();
                for (int s = 0; s < seconds; s++) {
                    Thread.sleep(1000);
                    long w = log.written();
                    each.append(s == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d", w - last));
                    last = w;
                }
                long t1 = System.nanoTime();
                long inWindow = log.written() - w0;
                long cpu = writerCpu() - cpu0;
                stop.set(true);
                for (Thread t : threads) {
                    t.join();
                }
                log.flush();
                fed = 0;
                for (long h : handed) {
                    fed += h;
                }
                stored = log.written();
                System.out.printf(Locale.ROOT, "JobLogBenchmark: %,.0f lines/s asked, %,.0f lines/s stored "
                        + "sustained over %.1f s (each second: %s); writer thread CPU %.2f s = %,.0f lines per "
                        + "CPU-second; %,d handed over, %,d dropped (queue full)%n", rate, inWindow / ((t1 - t0) / 1e9),
                        (t1 - t0) / 1e9, each,
                        cpu / 1e9, inWindow / Math.max(1e-9, cpu / 1e9), fed, log.dropped());
                long[] counts = db.logPathCounts();
                System.out.printf(Locale.ROOT, "JobLogBenchmark: %,d log-path commits, %,d file syncs%n", counts[0],
                        counts[1]);
                fed -= log.dropped();
            }
            long[] rows = {0};
            long r0 = System.nanoTime();
            repo.output(job, null, null, l -> rows[0]++);
            double read = (System.nanoTime() - r0) / 1e9;
            System.out.printf(Locale.ROOT, "JobLogBenchmark: read back %,d lines in %.2f s (%,.0f lines/s)%n",
                    rows[0], read, rows[0] / Math.max(1e-9, read));
            assertEquals(stored, rows[0], "lines and drop notes stored");
            assertTrue(rows[0] >= fed, "every line not dropped is stored");
        }
    }

    /**
     * A real job on {@code underlay.hosts} lab hosts (50 by default), each printing 20 lines a second, so 1,000
     * hosts print 20,000 lines/s, for {@code underlay.seconds}: the heap in use after each collection (no forced
     * GC), its peak, and the lines stored.
     */
    @Test
    void heapWhileALabJobPrintsTwentyLinesPerHostPerSecond() throws Exception {
        int hosts = Integer.getInteger("underlay.hosts", 50);
        int seconds = Integer.getInteger("underlay.seconds", 2);
        StringBuilder script = new StringBuilder();
        for (int i = 1; i <= 20 * seconds; i++) {
            script.append("echo line-").append(i).append("-of-the-heap-benchmark; sleep 0.05; ");
        }
        script.append("echo end");
        try (LabWorld world = LabWorld.start(hosts, dir, FaultSpec.NONE);
             AppContext ctx = AppContext.open(dir.resolve("data"), false, Runnable::run)) {
            world.enrol(ctx);
            System.gc();
            long base = afterGc();
            long t0 = System.nanoTime();
            JobHandle h = ctx.jobs().start("command:" + script, JobTarget.query("tag:lab"),
                    JobOptions.DEFAULTS.withForks(hosts), null);
            long peak = 0;
            while (!h.done().isDone() && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60L + 10L * seconds)) {
                Thread.sleep(200);
                peak = Math.max(peak, afterGc());
            }
            JobState end = h.done().get(60, TimeUnit.SECONDS);
            double wall = (System.nanoTime() - t0) / 1e9;
            long[] lines = {0};
            ctx.jobs().output(h.id(), null, null, l -> lines[0]++);
            System.out.printf(Locale.ROOT, "JobLogBenchmark: lab job, %d hosts x 20 lines/s for %d s (%,d lines/s "
                    + "asked): %s in %.1f s, %,d lines stored (%,.0f/s over the run); heap in use after GC: %.0f MB "
                    + "before, at most %.0f MB during%n", hosts, seconds, hosts * 20, end, wall, lines[0],
                    lines[0] / wall, base / 1e6, peak / 1e6);
            if (end == JobState.SUCCEEDED) {
                assertEquals((long) hosts * (20L * seconds + 1), lines[0], "every line of every host stored");
            } else { // a loaded box times hosts out: say why, the figures above stand for the hosts that ran
                java.util.Map<String, Long> causes = new java.util.TreeMap<>();
                ctx.jobs().results(h.id()).stream().filter(r -> r.state() != dev.underlay.ssh.StepState.OK)
                        .forEach(r -> causes.merge(r.state() + ": " + r.message(), 1L, Long::sum));
                System.out.printf(Locale.ROOT, "JobLogBenchmark: hosts not succeeded, by cause: %s%n", causes);
            }
        }
    }

    /** Sleeps without an interrupt to handle (the producers stop by their flag). */
    private static final class LockSupportSleep {
        static void nanos(long n) {
            java.util.concurrent.locks.LockSupport.parkNanos(n);
        }
    }

    /** The heap after the last collection of each heap pool (what survived it). */
    private static long afterGc() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                sum += p.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }

    private static long writerCpu() {
        var mx = ManagementFactory.getThreadMXBean();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("underlay-job-log")) {
                return mx.getThreadCpuTime(t.getId());
            }
        }
        return 0;
    }
}
