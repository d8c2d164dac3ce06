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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's log read in chunks after the last seq (the job window's reader): the chunks put together are the job's
 * lines in order, another job's lines never among them, on real H2, and the port's default answers the same.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class JobOutputChunksTest {
    @Parameter
    TestBackend backend;
    @TempDir
    Path dir;

    @Test
    void chunksAfterTheLastSeqAddUpToTheJobsLinesInOrder() throws Exception {
        try (Database db = backend.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long a = newJob(repo);
            long b = newJob(repo);
            try (JobLog log = new JobLog(repo)) {
                log.startJob(a, 0);
                log.startJob(b, 0);
                for (int i = 0; i < 2_500; i++) {
                    log.line(a, "h" + (i % 7), i % 3, i % 2 == 0 ? StreamKind.STDOUT : StreamKind.STDERR,
                            Instant.now(), "a " + i);
                    log.line(b, "h0", 0, StreamKind.STDOUT, Instant.now(), "b " + i);
                }
                log.flush();
            }
            List<JobRepository.OutputLine> whole = new ArrayList<>();
            repo.output(a, null, null, whole::add);
            assertEquals(2_500, whole.size());
            assertEquals(whole, chunked(repo, a, 1_000), "the chunks are the job's lines, in order");
            JobRepository plain = new PortOnly(repo);
            assertEquals(whole, chunked(plain, a, 1_000), "the port's default walk answers the same");
            List<JobRepository.OutputLine> none = new ArrayList<>();
            repo.outputAfter(a, whole.get(whole.size() - 1).seq(), 1_000, none::add);
            assertTrue(none.isEmpty(), "nothing after the last line");
        }
    }

    private static List<JobRepository.OutputLine> chunked(JobRepository repo, long job, int size) {
        List<JobRepository.OutputLine> all = new ArrayList<>();
        int reads = 0;
        while (reads++ < 100) {
            List<JobRepository.OutputLine> chunk = new ArrayList<>();
            repo.outputAfter(job, all.isEmpty() ? -1 : all.get(all.size() - 1).seq(), size, chunk::add);
            assertTrue(chunk.size() <= size, "a chunk holds at most its limit: " + chunk.size());
            all.addAll(chunk);
            if (chunk.size() < size) {
                return all;
            }
        }
        throw new AssertionError("the chunks never ran out");
    }

    private static long newJob(JobRepository repo) {
        return repo.create(new JobRepository.NewJob("chunks", "command:true", JobTarget.query("all"),
                JobOptions.DEFAULTS, null, Instant.now(), List.of("s1", "s2", "s3"), List.of(List.of("h0")),
                JobState.RUNNING));
    }

    /** Only what the port requires: outputAfter is the interface's default. */
    private record PortOnly(JdbcJobRepository real) implements JobRepository {
        @Override
        public void output(long id, String host, Integer step, Consumer<OutputLine> each) {
            real.output(id, host, step, each);
        }

        @Override
        public void write(Batch batch) {
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
        public java.util.Optional<JobSummary> find(long id) {
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
        public int purgeEndedBefore(Instant cutoff) {
            return real.purgeEndedBefore(cutoff);
        }

        @Override
        public boolean delete(long id) {
            return real.delete(id);
        }
    }
}
