package dev.underlay.automation.facts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A machine's health as one health job set it: the state, and the checks that failed or could not run, each with
 * why and when it ended.
 *
 * @param job the job that checked, or null
 */
public record MachineHealth(String machine, Long job, Instant checked, HealthState state, List<Check> failing) {
    public MachineHealth {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(state, "state");
        failing = List.copyOf(failing);
    }

    /** One check that did not pass: its task, the state it counts for, why, and when it ended. */
    public record Check(String check, HealthState severity, String message, Instant at) {
        public Check {
            message = message == null ? "" : message;
        }
    }
}
