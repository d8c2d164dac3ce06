package dev.underlay.automation.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.app.AppContext;
import dev.underlay.automation.jobs.JobLog;
import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.automation.ui.log.JobLogViewModel;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.ssh.StreamKind;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reopening a stored job of {@code underlay.lines} lines (100,000 by default, 1,000 hosts): the thread's CPU time
 * for reading it in chunks and handing one chunk a pulse to the log viewer's model, and the pulses it takes.
 * Prints figures; asserts only that every line arrived.
 */
class JobLogFeedBenchmark {
    @TempDir
    Path dir;

    @Test
    void reopenedJobReadIntoTheLogViewer() throws Exception {
        int n = Integer.getInteger("underlay.lines", 100_000);
        try (AppContext ctx = AppContext.open(dir.resolve("data"), false, Runnable::run)) {
            JdbcJobRepository repo = new JdbcJobRepository(ctx.database());
            long job = repo.create(new JobRepository.NewJob("bench", "command:true", JobTarget.query("all"),
                    JobOptions.DEFAULTS, null, Instant.now(), List.of("s"), List.of(List.of("h0000")),
                    JobState.SUCCEEDED));
            try (JobLog log = new JobLog(repo)) {
                Instant t = Instant.now();
                for (int i = 0; i < n; i++) {
                    log.line(job, String.format("h%04d", i % 1000), 0, StreamKind.STDOUT, t.plusMillis(i),
                            "line " + i + " of the benchmark's output, about sixty characters long");
                }
                log.flush();
            }
            var threads = ManagementFactory.getThreadMXBean();
            for (int round = 0; round < 3; round++) {
                JobLogViewModel vm = new JobLogViewModel(List.of("s"), new CurrentThreadTaskRunner());
                JobLogFeed feed = new JobLogFeed(job, ctx.jobs(), new CurrentThreadTaskRunner(), vm, p -> {
                    throw new AssertionError(p);
                });
                feed.results(new ArrayList<>());
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                int pulses = 0;
                while (vm.lineCount() < n && pulses < 10_000) {
                    feed.pulse(Instant.now(), false);
                    pulses++;
                }
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                assertEquals(n, vm.lineCount());
                // the FX thread's share: the model's append of one chunk, the read aside
                List<JobRepository.OutputLine> chunk = new ArrayList<>();
                ctx.jobs().outputAfter(job, -1, JobLogFeed.CHUNK, chunk::add);
                JobLogViewModel fresh = new JobLogViewModel(List.of("s"), new CurrentThreadTaskRunner());
                long a0 = threads.getCurrentThreadCpuTime();
                fresh.append(chunk);
                System.out.printf("JobLogFeedBenchmark round %d: append of one %,d-line chunk (the FX thread's "
                        + "part) %.1f ms CPU%n", round, chunk.size(), (threads.getCurrentThreadCpuTime() - a0) / 1e6);
                System.out.printf("JobLogFeedBenchmark round %d: %,d lines in %d pulses, thread CPU %.0f ms "
                        + "(%.2f us a line), wall %.0f ms%n", round, n, pulses, cpu / 1e6, cpu / 1e3 / n, wall / 1e6);
            }
        }
    }
}
