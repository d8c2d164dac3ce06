package dev.underlay.inventory;

import java.util.Objects;

/** A machine's role in a cluster, such as {@code control-plane} or {@code worker}. */
public record ClusterMember(String machine, String role) {
    public ClusterMember {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(role, "role");
    }
}
