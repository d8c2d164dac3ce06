package dev.underlay.automation.facts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A machine's health as one health job set it: the state, and every check the job had, each with how it came
 * out (OK when it passed), why and when it ended. Rows stored before every check was kept hold the failing ones.
 *
 * @param job the job that checked, or null
 */
public record MachineHealth(String machine, Long job, Instant checked, HealthState state, List<Check> checks) {
    public MachineHealth {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(state, "state");
        checks = List.copyOf(checks);
    }

    /** The checks that did not pass (failed, or could not run). */
    public List<Check> failing() {
        return checks.stream().filter(c -> c.severity() != HealthState.OK).toList();
    }

    /** One check: its task, the state it counts for (OK when it passed), why, and when it ended. */
    public record Check(String check, HealthState severity, String message, Instant at) {
        public Check {
            message = message == null ? "" : message;
        }
    }
}
