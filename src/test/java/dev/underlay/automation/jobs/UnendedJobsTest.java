package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.automation.repository.JdbcJobRepository;
import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A content pack's removal is checked against the jobs not ended: all of them, however many ended since. A job
 * paused a thousand jobs ago counted as ended while the check read only the newest thousand.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class UnendedJobsTest {
    @Parameter
    TestBackend backend;
    @TempDir
    Path dir;

    private static long job(JobRepository repo, String plan, JobState state) {
        return repo.create(new JobRepository.NewJob(plan, plan, JobTarget.query("all"), JobOptions.DEFAULTS, null,
                Instant.now(), List.of("s1"), List.of(List.of("h0")), state));
    }

    @Test
    void aPausedJobBehindAThousandEndedOnesIsStillUnended() {
        try (Database db = backend.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            long paused = job(repo, "health", JobState.PAUSED);
            long running = job(repo, "facts", JobState.RUNNING);
            for (int i = 0; i < 1_000; i++) {
                job(repo, "command:true", JobState.SUCCEEDED);
            }
            job(repo, "baseline", JobState.FAILED);
            assertEquals(List.of(running, paused), repo.unended().stream().map(JobRepository.JobSummary::id)
                    .toList(), "newest first, the ended ones left out");
            assertEquals(List.of("facts", "health"), repo.unended().stream()
                    .map(JobRepository.JobSummary::planName).toList());
        }
    }
}
