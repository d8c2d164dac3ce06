package dev.underlay.automation.jobs;

import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where jobs are kept (JDBC in {@code automation.repository}): the job, its resolved hosts and waves, each
 * attempt of each step on each host, and every output line. Writes come in batches from {@link JobLog}.
 */
public interface JobRepository {
    /** Stores a new job (its state running, or succeeded/failed for a dry run stored at its end); returns its id. */
    long create(NewJob job);

    /**
     * Writes one batch in one transaction, in the order: job states, host states, step results, lines; on the
     * database's log path (in the file when this returns, synced at most once a second: decision 0019).
     */
    void write(Batch batch);

    /** Jobs a killed process left running (or paused, or waiting for approval) become interrupted; how many. */
    int markInterrupted(Instant at);

    /** The newest jobs first. */
    List<JobSummary> list(int limit);

    /** Every job not ended (running, paused, awaiting approval), however old, newest first. */
    List<JobSummary> unended();

    Optional<JobSummary> find(long id);

    /**
     * Every host's state in the newest ended job (succeeded, failed, cancelled or interrupted; newest by id, the
     * order jobs were started in) that listed it, by host name: one read over all stored jobs, not one per host.
     * Hosts of jobs still running are left to the live events; a host no ended job listed is absent.
     */
    Map<String, HostRunState> lastHostStates();

    /** The job's hosts in target order. */
    List<HostRow> hosts(long id);

    /** Every recorded attempt, by host (target order), step and attempt. */
    List<JobListener.StepResult> results(long id);

    /** The output lines in the order they were stored, of one host and one step when they are given. */
    void output(long id, String host, Integer step, Consumer<OutputLine> each);

    /**
     * At most {@code limit} of the job's lines stored after {@code afterSeq}, in order: a reader's next chunk.
     * This default walks every line; a repository with an index on (job, seq) answers it directly.
     */
    default void outputAfter(long id, long afterSeq, int limit, Consumer<OutputLine> each) {
        int[] n = {0};
        output(id, null, null, l -> {
            if (l.seq() > afterSeq && n[0] < limit) {
                n[0]++;
                each.accept(l);
            }
        });
    }

    /** Deletes jobs that ended before {@code cutoff}, with everything they hold; how many. */
    int purgeEndedBefore(Instant cutoff);

    /** Deletes job {@code id} with its hosts, results and output, when it has ended; false when it did not. */
    boolean delete(long id);

    /** A job to store. */
    record NewJob(String title, String planName, JobTarget target, JobOptions options, Long parent, Instant created,
                  List<String> stepLabels, List<List<String>> waves, JobState state) {
    }

    /** A job as listed; {@code ended} null while it runs. */
    record JobSummary(long id, String title, String planName, JobTarget target, JobOptions options, JobState state,
                      String message, Long parent, Instant created, Instant ended, List<String> stepLabels,
                      int hosts, int done, int failed) {
    }

    record HostRow(String host, int position, int wave, HostRunState state) {
    }

    record OutputLine(long seq, Instant at, String host, int step, StreamKind stream, String text) {
    }

    record JobStateChange(long job, JobState state, String message, Instant at) {
    }

    record HostStateChange(long job, String host, HostRunState state) {
    }

    record StepRow(long job, JobListener.StepResult result) {
    }

    record LineRow(long job, OutputLine line) {
    }

    /** What one flush writes. */
    record Batch(List<JobStateChange> jobs, List<HostStateChange> hosts, List<StepRow> steps, List<LineRow> lines) {
        public boolean isEmpty() {
            return jobs.isEmpty() && hosts.isEmpty() && steps.isEmpty() && lines.isEmpty();
        }
    }
}
