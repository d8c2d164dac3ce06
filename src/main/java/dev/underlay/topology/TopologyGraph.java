package dev.underlay.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The topology as an immutable graph: vertices in a stable order (sites, their racks and machines; cloud regions;
 * clusters and their role groups), edges by vertex index. Two graphs of the same inventory structure are equal, so
 * a snapshot that only changed a machine's state keeps the layout and is recoloured.
 */
public final class TopologyGraph {
    private final List<TopologyNode> nodes;
    private final List<TopologyEdge> edges;
    private final Map<String, Integer> byId = new HashMap<>();
    private final Map<String, Integer> byMachine = new HashMap<>();

    public TopologyGraph(List<TopologyNode> nodes, List<TopologyEdge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        for (int i = 0; i < this.nodes.size(); i++) {
            TopologyNode n = this.nodes.get(i);
            if (byId.put(n.id(), i) != null) {
                throw new IllegalArgumentException("two vertices have the id " + n.id());
            }
            if (n.machine() != null) {
                byMachine.put(n.machine(), i);
            }
        }
        for (TopologyEdge e : this.edges) {
            if (e.from() < 0 || e.from() >= nodes.size() || e.to() < 0 || e.to() >= nodes.size()) {
                throw new IllegalArgumentException("edge " + e + " names a vertex the graph does not have");
            }
        }
    }

    public List<TopologyNode> nodes() {
        return nodes;
    }

    public List<TopologyEdge> edges() {
        return edges;
    }

    public int size() {
        return nodes.size();
    }

    public TopologyNode node(int i) {
        return nodes.get(i);
    }

    /** The index of the vertex with this id, or -1. */
    public int indexOf(String id) {
        return byId.getOrDefault(id, -1);
    }

    /** The index of this machine's vertex, or -1. */
    public int indexOfMachine(String name) {
        return byMachine.getOrDefault(name, -1);
    }

    /**
     * The vertex a search for {@code text} means (any case): the one whose name or id (without its kind, e.g.
     * {@code fra1-k8s/worker}) is {@code text}, else the first whose name or id contains it, a machine before a
     * group; -1 when none.
     */
    public int find(String text) {
        String q = text.toLowerCase(java.util.Locale.ROOT);
        int partial = -1;
        for (int i = 0; i < nodes.size(); i++) {
            TopologyNode n = nodes.get(i);
            String label = n.label().toLowerCase(java.util.Locale.ROOT);
            String id = n.id().substring(n.id().indexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
            if (label.equals(q) || id.equals(q)) {
                return i;
            }
            if ((label.contains(q) || id.contains(q))
                    && (partial < 0 || n.machine() != null && nodes.get(partial).machine() == null)) {
                partial = i;
            }
        }
        return partial;
    }

    /**
     * The machine of vertex {@code i}, or the machines below it (a rack's, a site's racks', a role group's members,
     * a cluster's), each once. A machine's own edges lead to the hosts behind a bastion, and are not followed.
     */
    public List<String> machinesUnder(int i) {
        List<String> out = new java.util.ArrayList<>();
        java.util.BitSet seen = new java.util.BitSet(nodes.size());
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(List.of(i));
        while (!todo.isEmpty()) {
            int v = todo.pop();
            if (seen.get(v)) {
                continue;
            }
            seen.set(v);
            if (nodes.get(v).machine() != null) {
                out.add(nodes.get(v).machine());
                continue;
            }
            for (TopologyEdge e : edges) {
                if (e.from() == v) {
                    todo.push(e.to());
                }
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopologyGraph g && nodes.equals(g.nodes) && edges.equals(g.edges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes, edges);
    }

    @Override
    public String toString() {
        return "TopologyGraph[" + nodes.size() + " vertices, " + edges.size() + " edges]";
    }
}
