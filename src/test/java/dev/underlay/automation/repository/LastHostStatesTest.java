package dev.underlay.automation.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.automation.jobs.JobOptions;
import dev.underlay.automation.jobs.JobRepository;
import dev.underlay.automation.jobs.JobRepository.HostStateChange;
import dev.underlay.automation.jobs.JobRepository.JobStateChange;
import dev.underlay.automation.jobs.JobState;
import dev.underlay.automation.jobs.JobTarget;
import dev.underlay.db.Database;
import dev.underlay.ssh.HostRunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each machine's state in the newest ended job that listed it, read in one query on real H2 (what the racks'
 * "last job result" colouring shows after the console restarts): a machine in two jobs takes the newer one, a job
 * still running does not count, an interrupted one does.
 */
class LastHostStatesTest {
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path dir;

    /** A job over {@code hosts}, which end in {@code states}, the job itself ending in {@code end} (null: running). */
    private static long job(JobRepository repo, List<String> hosts, List<HostRunState> states, JobState end) {
        long id = repo.create(new JobRepository.NewJob("health", "health", JobTarget.query("all"),
                JobOptions.DEFAULTS, null, T0, List.of("s1"), List.of(hosts), JobState.RUNNING));
        List<HostStateChange> changes = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            changes.add(new HostStateChange(id, hosts.get(i), HostRunState.ACTIVE));
            if (states.get(i) != HostRunState.ACTIVE) {
                changes.add(new HostStateChange(id, hosts.get(i), states.get(i)));
            }
        }
        List<JobStateChange> jobs = end == null ? List.of() : List.of(new JobStateChange(id, end, "", T0));
        repo.write(new JobRepository.Batch(jobs, changes, List.of(), List.of()));
        return id;
    }

    @Test
    void eachMachineTakesItsStateInTheNewestEndedJobThatListedIt() {
        try (Database db = Database.open(dir.resolve("data"))) {
            JdbcJobRepository repo = new JdbcJobRepository(db);
            assertEquals(Map.of(), repo.lastHostStates(), "no job yet");
            job(repo, List.of("a", "b", "x"), List.of(HostRunState.DONE, HostRunState.DONE, HostRunState.FAILED),
                    JobState.FAILED);
            job(repo, List.of("b", "c"), List.of(HostRunState.FAILED, HostRunState.DONE), JobState.FAILED);
            job(repo, List.of("x"), List.of(HostRunState.DONE), JobState.SUCCEEDED);
            // left running by a process that was killed: interrupted when the next one opens the folder
            job(repo, List.of("c", "d"), List.of(HostRunState.ACTIVE, HostRunState.DONE), null);
            assertEquals(1, repo.markInterrupted(T0.plusSeconds(60)));
            // running now: its hosts keep what the ended jobs say until its own events come
            job(repo, List.of("a", "e"), List.of(HostRunState.ACTIVE, HostRunState.ACTIVE), null);
            job(repo, List.of("d"), List.of(HostRunState.CANCELLED), JobState.CANCELLED);

            assertEquals(Map.of(
                    "a", HostRunState.DONE,          // job 1; job 5 still runs
                    "b", HostRunState.FAILED,        // job 2, newer than job 1's done
                    "c", HostRunState.INTERRUPTED,   // job 4, interrupted while c was active
                    "d", HostRunState.CANCELLED,     // job 6, newer than job 4's done
                    "x", HostRunState.DONE),         // job 3, newer than job 1's failed
                    repo.lastHostStates(), "e is only in the running job");
        }
    }
}
