package dev.underlay.automation;

import java.time.Duration;

/**
 * One step of a job: the task {@code task} of stage {@code stage}, the {@code index}-th of the job (from 0).
 *
 * @param timeout      how long one attempt may run on one host; null for no limit
 * @param retries      attempts after the first that fail (exit non-zero, not the "incomplete" or "reboot" codes)
 * @param backoff      the wait before the first retry, doubled before each next one
 * @param incompleteExit exit code meaning "not done yet, run me again later" (Digital Rebar's incomplete), or -1
 * @param rebootExit   exit code meaning "reboot the host, then go on with the next step", or -1
 * @param continueOnFailure a host whose step failed (after its retries) still runs the later steps, and ends
 *                     failed after the last (the failure policy applies then)
 */
public record PlannedStep(int index, String stage, String task, Duration timeout, int retries, Duration backoff,
                          int incompleteExit, int rebootExit, boolean continueOnFailure) {
    /** A step whose failure ends its host (the default). */
    public PlannedStep(int index, String stage, String task, Duration timeout, int retries, Duration backoff,
                       int incompleteExit, int rebootExit) {
        this(index, stage, task, timeout, retries, backoff, incompleteExit, rebootExit, false);
    }

    /** {@code "stage/task"}, how logs and the grid name a step. */
    public String label() {
        return stage.isEmpty() ? task : stage + "/" + task;
    }
}
