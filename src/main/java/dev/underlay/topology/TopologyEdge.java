package dev.underlay.topology;

/** A directed edge between two vertices, by their index in the graph: container or group first, member second. */
public record TopologyEdge(int from, int to, EdgeKind kind) {
}
