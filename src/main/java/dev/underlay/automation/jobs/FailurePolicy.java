package dev.underlay.automation.jobs;

import java.util.Locale;

/** What a job does when a host fails a step (after its retries). */
public enum FailurePolicy {
    /** The failed host stops there; the others go on. */
    CONTINUE,
    /** No new step starts anywhere; running commands end; the job fails. */
    STOP,
    /** The job pauses for a person to look, then resume or cancel. */
    PAUSE;

    public static FailurePolicy parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown failure policy '" + text
                    + "' (expected continue, stop or pause)");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
