package dev.underlay.automation.jobs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The life of a job, with its allowed transitions (as {@code MachineStatus} has them). */
public enum JobState {
    RUNNING,
    /** No new step starts (a person paused it, or the failure policy did); running commands go on. */
    PAUSED,
    /** A wave finished and the next one waits for a person to approve it. */
    AWAITING_APPROVAL,
    /** Every host completed every step (a dry run: every step rendered). */
    SUCCEEDED,
    /** It ended with failed hosts, or stopped on a failure (policy stop, max-fail of a wave). */
    FAILED,
    CANCELLED,
    /** The process running it ended (killed, crashed) before the job did; found so on the next start. */
    INTERRUPTED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }

    public Set<JobState> next() {
        return switch (this) {
            case RUNNING -> EnumSet.of(PAUSED, AWAITING_APPROVAL, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED);
            case PAUSED, AWAITING_APPROVAL -> EnumSet.of(RUNNING, FAILED, CANCELLED, INTERRUPTED);
            default -> EnumSet.noneOf(JobState.class);
        };
    }

    /** Checks a transition; staying in the same non-final state is allowed. */
    public static JobState transition(JobState from, JobState to) {
        if ((from == to && !from.isFinal()) || from.next().contains(to)) {
            return to;
        }
        throw new IllegalStateException("a job that is " + from.id() + " cannot become " + to.id()
                + (from.next().isEmpty() ? " (it has ended)" : " (allowed: " + from.next().stream()
                        .map(JobState::id).collect(Collectors.joining(", ")) + ")"));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static JobState parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
