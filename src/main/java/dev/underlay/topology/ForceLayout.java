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
 * started from positions drawn from the seed, so a seed always gives the same picture (decision 0018).
 */
public final class ForceLayout implements GraphLayout {
    /** Layout units of area per vertex: room for a 130-unit-wide box and its label. */
    private static final double AREA_PER_VERTEX = 260.0 * 120.0;
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
        Graph<Integer, DefaultEdge> g = new Pseudograph<>(DefaultEdge.class);
        for (int i = 0; i < graph.size(); i++) {
            g.addVertex(i);
        }
        for (TopologyEdge e : graph.edges()) {
            if (e.from() != e.to()) {
                g.addEdge(e.from(), e.to());
            }
        }
        double side = Math.sqrt(Math.max(1, graph.size()) * AREA_PER_VERTEX);
        MapLayoutModel2D<Integer> model = new InsideModel(Box2D.of(side * 1.6, side));
        new IndexedFRLayoutAlgorithm2D<Integer, DefaultEdge>(iterations, 0.5,
                org.jgrapht.alg.drawing.FRLayoutAlgorithm2D.DEFAULT_NORMALIZATION_FACTOR, new Random(seed)).layout(g, model);
        double[] x = new double[graph.size()];
        double[] y = new double[graph.size()];
        for (int i = 0; i < x.length; i++) {
            Point2D p = model.get(i);
            x[i] = p.getX() - graph.node(i).width() / 2;
            y[i] = p.getY() - graph.node(i).height() / 2;
        }
        return new PlacedGraph(graph, id(), x, y);
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
