package dev.underlay.topology;

/**
 * A layout strategy: places every vertex of a graph. Implementations are deterministic for a seed, never return
 * NaN, and are called on a worker thread (a layout of 5,000 vertices takes seconds, see decision 0018).
 */
public interface GraphLayout {
    /** A stable id, such as {@code layered}. */
    String id();

    /** What the layout is called in the view's chooser. */
    String title();

    /** Places {@code graph}; the same graph and seed give the same placement. */
    PlacedGraph layout(TopologyGraph graph, long seed);
}
