package dev.underlay.automation.facts;

/**
 * A machine's health as its last health job found it: every check passed (OK), a check failed that does not stop
 * the machine from serving (WARNING: time sync, memory and load), one that does (CRITICAL: disk, services), or
 * not known (never checked, or a check could not run: the host did not answer, the job was cancelled).
 */
public enum HealthState {
    OK, WARNING, CRITICAL, UNKNOWN;

    /** The worse of the two; CRITICAL over WARNING over UNKNOWN over OK. */
    public HealthState worse(HealthState other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case OK -> 0;
            case UNKNOWN -> 1;
            case WARNING -> 2;
            case CRITICAL -> 3;
        };
    }

    /** "ok", "warning", ...: how the CLI and JSON name it. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
