package dev.underlay.automation.jobs;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A started job: its id, the run to control (empty for a dry run, which has ended when it is returned), and the
 * final state to come, completed once everything the job reported is in the database.
 */
public record JobHandle(long id, Optional<JobRun> run, CompletableFuture<JobState> done, int hosts, int waves) {
}
