package dev.underlay.inventory;

import java.util.List;
import java.util.Objects;

/** A group of machines that work together (for example a Kubernetes cluster), each member with a role. */
public record Cluster(String name, String kind, String description, String profile, List<ClusterMember> members) {
    public Cluster {
        Objects.requireNonNull(name, "name");
        kind = kind == null ? "" : kind;
        description = description == null ? "" : description;
        members = List.copyOf(members);
    }
}
