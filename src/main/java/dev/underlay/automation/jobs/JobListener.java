package dev.underlay.automation.jobs;

import dev.underlay.ssh.HostRunState;
import dev.underlay.ssh.StepState;
import dev.underlay.ssh.StreamKind;
import java.time.Instant;
import java.util.List;

/**
 * What a running job reports, on SSH I/O threads, timer threads or the starter's thread: every method must be
 * quick and must not block (queue, batch). Lines of one host and step arrive in order.
 */
public interface JobListener {
    /** The job changed state; {@code message} says why when it is not obvious ("" otherwise). */
    default void jobState(long job, JobState state, String message) {
    }

    default void hostState(long job, String host, HostRunState state) {
    }

    /** A step attempt started (state running) or ended; one call per change of {@code result}'s state. */
    default void step(long job, StepResult result) {
    }

    default void line(long job, String host, int step, StreamKind stream, Instant at, String text) {
    }

    /** All of {@code listeners}, in order. */
    static JobListener all(List<JobListener> listeners) {
        List<JobListener> ls = List.copyOf(listeners);
        return new JobListener() {
            @Override
            public void jobState(long job, JobState state, String message) {
                ls.forEach(l -> l.jobState(job, state, message));
            }

            @Override
            public void hostState(long job, String host, HostRunState state) {
                ls.forEach(l -> l.hostState(job, host, state));
            }

            @Override
            public void step(long job, StepResult result) {
                ls.forEach(l -> l.step(job, result));
            }

            @Override
            public void line(long job, String host, int step, StreamKind stream, Instant at, String text) {
                for (JobListener l : ls) {
                    l.line(job, host, step, stream, at, text);
                }
            }
        };
    }

    /** A step's state on one host, one attempt. */
    record StepResult(String host, int step, int attempt, StepState state, Instant started, Instant ended,
                      int exitStatus, String failure, String message, String script) {
        public StepResult {
            message = message == null ? "" : message;
            script = script == null ? "" : script;
            failure = failure == null ? "" : failure;
        }
    }
}
