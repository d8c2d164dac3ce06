package dev.underlay.topology;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The coarse graph a layout library is given (decision 0026): sites, racks, clusters, role groups, bastions and any
 * machine without a parent stay vertices of their own, while the machines of each rack (or, for a machine in no
 * rack, its site or first role group) become one block vertex the size of a compact grid of their boxes. A layout
 * places the coarse graph, then {@link #place} puts every machine in its block's grid. At 5,000 vertices the
 * libraries see about 280 instead of 5,000, and the layered drawing is no longer one layer of 5,000 machines.
 * The original edges are drawn as before; the coarse edges only tell the library what belongs together.
 */
final class MachineBlocks {
    /** Space between two machines of a block, across and down (layout units). */
    static final double GAP_X = 10;
    static final double GAP_Y = 6;
    private final TopologyGraph graph;
    /** Original vertex -> its coarse vertex (its own, or its block's). */
    private final int[] coarseOf;
    /** Original vertex -> its position in its block (row-major), or -1 for a vertex that is not in a block. */
    private final int[] slot;
    private final int[] cols;
    private final double[] width;
    private final double[] height;
    private final int[][] edges;

    private MachineBlocks(TopologyGraph graph, int[] coarseOf, int[] slot, int[] cols, double[] width,
            double[] height, int[][] edges) {
        this.graph = graph;
        this.coarseOf = coarseOf;
        this.slot = slot;
        this.cols = cols;
        this.width = width;
        this.height = height;
        this.edges = edges;
    }

    /** Groups the machines of {@code g} into blocks. */
    static MachineBlocks of(TopologyGraph g) {
        int n = g.size();
        int[] parent = new int[n];
        java.util.Arrays.fill(parent, -1);
        boolean[] bastion = new boolean[n];
        for (TopologyEdge e : g.edges()) { // a container first, a role group only for a machine in none
            if (e.kind() == EdgeKind.JUMP) {
                bastion[e.from()] = true;
            } else if (g.node(e.to()).kind() == NodeKind.MACHINE && e.from() != e.to() && (parent[e.to()] < 0
                    || e.kind() == EdgeKind.CONTAINS && g.node(parent[e.to()]).kind() == NodeKind.ROLE_GROUP)) {
                parent[e.to()] = e.from();
            }
        }
        int[] coarseOf = new int[n];
        int[] slot = new int[n];
        int[] blockOfParent = new int[n];
        java.util.Arrays.fill(blockOfParent, -1);
        java.util.Arrays.fill(slot, -1);
        List<Integer> sizes = new ArrayList<>();
        int coarse = 0;
        for (int i = 0; i < n; i++) { // coarse vertices in the graph's order: a parent comes before its block
            if (g.node(i).kind() != NodeKind.MACHINE || bastion[i] || parent[i] < 0 || bastion[parent[i]]) {
                coarseOf[i] = coarse++;
            }
        }
        int first = coarse;
        for (int i = 0; i < n; i++) {
            if (g.node(i).kind() == NodeKind.MACHINE && !bastion[i] && parent[i] >= 0 && !bastion[parent[i]]) {
                if (blockOfParent[parent[i]] < 0) {
                    blockOfParent[parent[i]] = coarse++;
                    sizes.add(0);
                }
                int b = blockOfParent[parent[i]];
                coarseOf[i] = b;
                slot[i] = sizes.get(b - first);
                sizes.set(b - first, slot[i] + 1);
            }
        }
        double[] width = new double[coarse];
        double[] height = new double[coarse];
        int[] cols = new int[coarse];
        for (int i = 0; i < n; i++) {
            if (slot[i] < 0) {
                width[coarseOf[i]] = g.node(i).width();
                height[coarseOf[i]] = g.node(i).height();
            }
        }
        double cellW = NodeKind.MACHINE.width() + GAP_X;
        double cellH = NodeKind.MACHINE.height() + GAP_Y;
        for (int b = first; b < coarse; b++) {
            int count = sizes.get(b - first);
            // as many columns as make the block about square
            cols[b] = Math.max(1, Math.min(count, (int) Math.ceil(Math.sqrt(count * cellH / cellW))));
            int rows = (count + cols[b] - 1) / cols[b];
            width[b] = cols[b] * cellW - GAP_X;
            height[b] = rows * cellH - GAP_Y;
        }
        Set<Long> seen = new HashSet<>();
        List<int[]> edges = new ArrayList<>();
        for (TopologyEdge e : g.edges()) {
            int f = coarseOf[e.from()];
            int t = coarseOf[e.to()];
            if (f != t && seen.add((long) f << 32 | t)) {
                edges.add(new int[] {f, t});
            }
        }
        return new MachineBlocks(g, coarseOf, slot, cols, width, height, edges.toArray(new int[0][]));
    }

    /** How many vertices the coarse graph has. */
    int size() {
        return width.length;
    }

    double width(int c) {
        return width[c];
    }

    double height(int c) {
        return height[c];
    }

    /** The coarse edges, each {from, to}, without loops or repeats. */
    int[][] edges() {
        return edges;
    }

    /** The coarse vertex that holds original vertex {@code i}. */
    int coarseOf(int i) {
        return coarseOf[i];
    }

    /**
     * Every original vertex placed, from the coarse vertices' top-left corners: a vertex of its own where its coarse
     * vertex is, a machine in its block's grid (in the graph's order, row by row).
     */
    PlacedGraph place(String layoutId, double[] cx, double[] cy) {
        double[] x = new double[graph.size()];
        double[] y = new double[graph.size()];
        for (int i = 0; i < x.length; i++) {
            int c = coarseOf[i];
            x[i] = cx[c];
            y[i] = cy[c];
            if (slot[i] >= 0) {
                x[i] += (slot[i] % cols[c]) * (NodeKind.MACHINE.width() + GAP_X);
                y[i] += (slot[i] / cols[c]) * (NodeKind.MACHINE.height() + GAP_Y);
            }
        }
        return new PlacedGraph(graph, layoutId, x, y);
    }
}
