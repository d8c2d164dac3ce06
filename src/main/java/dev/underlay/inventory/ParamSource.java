package dev.underlay.inventory;

/**
 * Where a resolved param value came from, so a technician can answer "why is this value set?".
 *
 * @param name the machine, profile, stage or cluster name; empty for defaults
 * @param via  the chain of profiles that led here, outermost first, e.g. {@code rack-a > gpu}; empty when direct
 */
public record ParamSource(Kind kind, String name, String via) {
    /** Kinds of source, in the order they are consulted. */
    public enum Kind { MACHINE, PROFILE, STAGE, STAGE_PROFILE, CLUSTER_PROFILE, GLOBAL, DEFAULT }

    public static ParamSource machine(String name) {
        return new ParamSource(Kind.MACHINE, name, "");
    }

    /** A short sentence for tables and JSON, such as {@code profile gpu (via rack-a)}. */
    public String describe() {
        String base = switch (kind) {
            case MACHINE -> "machine " + name;
            case PROFILE -> "profile " + name;
            case STAGE -> "stage " + name;
            case STAGE_PROFILE -> "stage profile " + name;
            case CLUSTER_PROFILE -> "cluster profile " + name;
            case GLOBAL -> "global";
            case DEFAULT -> "default";
        };
        return via.isEmpty() ? base : base + " (via " + via + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
