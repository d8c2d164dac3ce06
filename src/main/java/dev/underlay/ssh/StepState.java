package dev.underlay.ssh;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where one host stands in one step of a job. A host starts {@link #PENDING}, is {@link #RUNNING} while its
 * command runs, may wait to run again ({@link #RETRY_WAIT}: a retry after a failure, "incomplete", or a reboot)
 * and ends in one of the final states. Transitions are checked by {@link #transition}, as machine statuses are.
 */
public enum StepState {
    /** Not started yet (queued for a slot, or waiting for its wave or the previous step). */
    PENDING,
    /** Its command runs on the host. */
    RUNNING,
    /** Waits before running again: a retry with backoff, an "incomplete" exit, or a reboot to come back from. */
    RETRY_WAIT,
    /** Ran and exited 0 (or rendered, in a dry run). */
    OK,
    /** Ran and failed (exit non-zero after its retries, a connection failure, a render error). */
    FAILED,
    /** Never ran: the host failed an earlier step, its wave was not started, or the job stopped. */
    SKIPPED,
    /** Stopped by a person (the job or this host cancelled). */
    CANCELLED,
    /** The process running the job ended (killed) while this step was not finished. */
    INTERRUPTED;

    /** True for the states a step result never leaves. */
    public boolean isFinal() {
        return this == OK || this == FAILED || this == SKIPPED || this == CANCELLED || this == INTERRUPTED;
    }

    /** The states this one may move to. */
    public Set<StepState> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(RUNNING, OK, FAILED, SKIPPED, CANCELLED, INTERRUPTED);
            case RUNNING -> EnumSet.of(RETRY_WAIT, OK, FAILED, CANCELLED, INTERRUPTED);
            case RETRY_WAIT -> EnumSet.of(RUNNING, FAILED, CANCELLED, INTERRUPTED);
            default -> EnumSet.noneOf(StepState.class);
        };
    }

    /** Checks a transition; staying in the same non-final state is allowed. */
    public static StepState transition(StepState from, StepState to) {
        if ((from == to && !from.isFinal()) || from.next().contains(to)) {
            return to;
        }
        throw new IllegalStateException("a step that is " + from.id() + " cannot become " + to.id()
                + (from.next().isEmpty() ? " (it is final)" : " (allowed: " + from.next().stream()
                        .map(StepState::id).collect(Collectors.joining(", ")) + ")"));
    }

    /** Lower case with dashes: "retry-wait". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()} or the constant name. */
    public static StepState parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
