package dev.underlay.topology;

import java.util.Objects;

/**
 * A vertex: a site (or a cloud region), a rack, a machine, a cluster or one role group of a cluster.
 *
 * @param id      unique in its graph: {@code kind:name} ({@code role:cluster/role} for role groups)
 * @param machine the machine's name for machine vertices, else null
 */
public record TopologyNode(String id, NodeKind kind, String label, String machine) {
    public TopologyNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
    }

    public double width() {
        return kind.width();
    }

    public double height() {
        return kind.height();
    }
}
