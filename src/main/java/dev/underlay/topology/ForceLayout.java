package dev.underlay.topology;

import java.util.Random;
import org.jgrapht.Graph;
import org.jgrapht.alg.drawing.IndexedFRLayoutAlgorithm2D;
import org.jgrapht.alg.drawing.model.Box2D;
import org.jgrapht.alg.drawing.model.MapLayoutModel2D;
import org.jgrapht.alg.drawing.model.Point2D;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;

/**
 * Force-directed: connected things pull together, everything else pushes apart, so a cluster's members gather
 * round their role groups and a rack's machines round the rack. JGraphT's Fruchterman-Reingold with a Barnes-Hut
 * quadtree for the repulsion ({@code IndexedFRLayoutAlgorithm2D}: n log n per iteration instead of n squared),
 * started from positions drawn from the seed, so a seed always gives the same picture (decision 0018). It places
 * the coarse graph of {@link MachineBlocks} (a rack's machines as one block) and then moves overlapping boxes
 * apart ({@link Separation}), decision 0026.
 */
public final class ForceLayout implements GraphLayout {
    /** Layout units of area per vertex: room for a 130-unit-wide box and its label. */
    private static final double AREA_PER_VERTEX = 260.0 * 120.0;
    /** The area to simulate in, as a multiple of the boxes' own (with their gaps). */
    private static final double SPREAD = 3.0;
    /** Space kept between two boxes. */
    private static final double GAP = 20;
    private final int iterations;

    public ForceLayout() {
        this(120);
    }

    /** @param iterations of the simulation (120 settles 5,000 vertices; see the benchmark) */
    public ForceLayout(int iterations) {
        this.iterations = iterations;
    }

    @Override
    public String id() {
        return "force";
    }

    @Override
    public String title() {
        return "Force-directed";
    }

    @Override
    public PlacedGraph layout(TopologyGraph graph, long seed) {
        MachineBlocks blocks = MachineBlocks.of(graph);
        int n = blocks.size();
        Graph<Integer, DefaultEdge> g = new Pseudograph<>(DefaultEdge.class);
        double area = 0;
        double[] w = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            g.addVertex(i);
            w[i] = blocks.width(i);
            h[i] = blocks.height(i);
            area += (w[i] + GAP) * (h[i] + GAP);
        }
        for (int[] e : blocks.edges()) {
            g.addEdge(e[0], e[1]);
        }
        double side = Math.sqrt(Math.max(AREA_PER_VERTEX, area * SPREAD));
        MapLayoutModel2D<Integer> model = new InsideModel(Box2D.of(side * 1.6, side));
        new IndexedFRLayoutAlgorithm2D<Integer, DefaultEdge>(iterations, 0.5,
                org.jgrapht.alg.drawing.FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR, new Random(seed)).layout(g, model);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Point2D p = model.get(i);
            x[i] = p.getX();
            y[i] = p.getY();
        }
        Separation.apart(x, y, w, h, GAP);
        for (int i = 0; i < n; i++) {
            x[i] -= w[i] / 2;
            y[i] -= h[i] / 2;
        }
        return blocks.place(id(), x, y);
    }

    /**
     * Keeps every point strictly inside the area: the algorithm clamps a vertex pushed out to the area's edge, and
     * JGraphT's quadtree then finds no quadrant holding a point on the far edge (IllegalArgumentException).
     */
    private static final class InsideModel extends MapLayoutModel2D<Integer> {
        InsideModel(Box2D area) {
            super(area);
        }

        @Override
        public Point2D put(Integer vertex, Point2D p) {
            Box2D a = getDrawableArea();
            double e = 1e-3 * Math.max(1, a.getWidth());
            double x = Double.isFinite(p.getX()) ? p.getX() : a.getMinX() + a.getWidth() / 2;
            double y = Double.isFinite(p.getY()) ? p.getY() : a.getMinY() + a.getHeight() / 2;
            return super.put(vertex, Point2D.of(Math.max(a.getMinX() + e, Math.min(a.getMaxX() - e, x)),
                    Math.max(a.getMinY() + e, Math.min(a.getMaxY() - e, y))));
        }
    }
}
