package dev.underlay.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A graph with every vertex placed (top-left corners in layout units, moved so the drawing starts at
 * {@link #MARGIN}), and a grid index so that drawing, hovering and a rubber band touch only the vertices in view:
 * a 5,000-vertex picture zoomed in draws a few dozen, not all. Immutable once made.
 */
public final class PlacedGraph {
    public static final double MARGIN = 40;
    private static final double CELL = 400;
    private final TopologyGraph graph;
    private final String layoutId;
    private final double[] x;
    private final double[] y;
    private final double width;
    private final double height;
    private final Map<Long, int[]> cells = new HashMap<>();

    /** @param x, y the vertices' top-left corners as the layout gave them (any origin); copied */
    public PlacedGraph(TopologyGraph graph, String layoutId, double[] x, double[] y) {
        if (x.length != graph.size() || y.length != graph.size()) {
            throw new IllegalArgumentException("a position for each of the " + graph.size() + " vertices is needed");
        }
        this.graph = graph;
        this.layoutId = layoutId;
        this.x = x.clone();
        this.y = y.clone();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("vertex " + graph.node(i).id() + " was not placed");
            }
            minX = Math.min(minX, x[i]);
            minY = Math.min(minY, y[i]);
        }
        double maxX = 0;
        double maxY = 0;
        for (int i = 0; i < x.length; i++) {
            this.x[i] += MARGIN - minX;
            this.y[i] += MARGIN - minY;
            maxX = Math.max(maxX, this.x[i] + graph.node(i).width());
            maxY = Math.max(maxY, this.y[i] + graph.node(i).height());
        }
        this.width = maxX + MARGIN;
        this.height = maxY + MARGIN;
        Map<Long, List<Integer>> grid = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            final int v = i;
            forCells(this.x[i], this.y[i], this.x[i] + graph.node(i).width(), this.y[i] + graph.node(i).height(),
                    key -> grid.computeIfAbsent(key, k -> new ArrayList<>()).add(v));
        }
        grid.forEach((k, l) -> cells.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static void forCells(double x0, double y0, double x1, double y1, java.util.function.LongConsumer f) {
        long cx0 = (long) Math.floor(x0 / CELL);
        long cy0 = (long) Math.floor(y0 / CELL);
        long cx1 = (long) Math.floor(x1 / CELL);
        long cy1 = (long) Math.floor(y1 / CELL);
        for (long cx = cx0; cx <= cx1; cx++) {
            for (long cy = cy0; cy <= cy1; cy++) {
                f.accept(cx << 32 ^ (cy & 0xFFFFFFFFL));
            }
        }
    }

    public TopologyGraph graph() {
        return graph;
    }

    /** The layout that placed it. */
    public String layoutId() {
        return layoutId;
    }

    public double x(int i) {
        return x[i];
    }

    public double y(int i) {
        return y[i];
    }

    public double centerX(int i) {
        return x[i] + graph.node(i).width() / 2;
    }

    public double centerY(int i) {
        return y[i] + graph.node(i).height() / 2;
    }

    /** The whole drawing's size, margins included. */
    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Calls {@code f} once for each vertex that overlaps the rectangle, in index order. */
    public void forEachIn(double x0, double y0, double x1, double y1, IntConsumer f) {
        double lx = Math.min(x0, x1);
        double ly = Math.min(y0, y1);
        double hx = Math.max(x0, x1);
        double hy = Math.max(y0, y1);
        long cells = (long) (Math.floor(hx / CELL) - Math.floor(lx / CELL) + 1)
                * (long) (Math.floor(hy / CELL) - Math.floor(ly / CELL) + 1);
        if (cells > this.cells.size()) { // the view holds most of the drawing: test every vertex
            for (int i = 0; i < x.length; i++) {
                if (overlaps(i, lx, ly, hx, hy)) {
                    f.accept(i);
                }
            }
            return;
        }
        java.util.BitSet hit = new java.util.BitSet(x.length); // a vertex spans cells: report it once, in order
        forCells(lx, ly, hx, hy, key -> {
            int[] in = this.cells.get(key);
            if (in != null) {
                for (int i : in) {
                    if (overlaps(i, lx, ly, hx, hy)) {
                        hit.set(i);
                    }
                }
            }
        });
        for (int i = hit.nextSetBit(0); i >= 0; i = hit.nextSetBit(i + 1)) {
            f.accept(i);
        }
    }

    private boolean overlaps(int i, double lx, double ly, double hx, double hy) {
        return x[i] <= hx && x[i] + graph.node(i).width() >= lx && y[i] <= hy && y[i] + graph.node(i).height() >= ly;
    }

    /** The vertices that overlap the rectangle, in index order. */
    public int[] in(double x0, double y0, double x1, double y1) {
        int[][] buf = {new int[16]};
        int[] n = {0};
        forEachIn(x0, y0, x1, y1, i -> {
            if (n[0] == buf[0].length) {
                buf[0] = Arrays.copyOf(buf[0], n[0] * 2);
            }
            buf[0][n[0]++] = i;
        });
        return Arrays.copyOf(buf[0], n[0]);
    }

    /** The vertex under a point (the last drawn where two overlap), or -1. */
    public int at(double px, double py) {
        int[] in = in(px, py, px, py);
        return in.length == 0 ? -1 : in[in.length - 1];
    }
}
