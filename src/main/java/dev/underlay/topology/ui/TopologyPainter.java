package dev.underlay.topology.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.Swatch;
import dev.underlay.topology.EdgeKind;
import dev.underlay.topology.NodeKind;
import dev.underlay.topology.PlacedGraph;
import dev.underlay.topology.TopologyEdge;
import dev.underlay.topology.TopologyNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws what of a placed graph is in view, with less detail the further out: edges in one path per kind (one
 * stroke, not one per edge), boxes, and names only where they can be read. A zoomed-out 5,000-vertex picture is
 * about 5,000 rectangles and three strokes.
 */
final class TopologyPainter {
    private static final Font LABEL = Font.font("System", 12);
    /**
     * Below this zoom a box is under 4 pixels wide and thousands of edges rasterize to a grey haze that costs most
     * of the frame (the software pipeline: 150 ms for 8,636 edges at 5,000 vertices); they are left out there.
     */
    static final double MIN_EDGE_ZOOM = 0.03;
    private final Map<Integer, Color> colours = new HashMap<>();

    Color colour(Swatch s) {
        return colours.computeIfAbsent(s.rgb(), rgb -> Color.rgb(s.red(), s.green(), s.blue()));
    }

    /** Paints the view: {@code vw x vh} pixels of the drawing as the viewport places it. */
    void paint(GraphicsContext gc, double vw, double vh, PlacedGraph p, Inventory inv, MachineColouring colouring,
               Set<String> selected, int focused, Viewport vp, TopologyPalette pal) {
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.setFill(pal.background());
        gc.fillRect(0, 0, vw, vh);
        if (p == null) {
            return;
        }
        double z = vp.zoom();
        gc.setTransform(z, 0, 0, z, -vp.tx(), -vp.ty());
        double x0 = vp.worldX(0);
        double y0 = vp.worldY(0);
        double x1 = vp.worldX(vw);
        double y1 = vp.worldY(vh);
        if (z >= MIN_EDGE_ZOOM) {
            edges(gc, p, x0, y0, x1, y1, z, pal);
        }
        boolean detail = z * NodeKind.MACHINE.height() >= 6;
        boolean labels = z * NodeKind.MACHINE.height() >= 11;
        double line = 1 / z;
        gc.setLineWidth(line);
        p.forEachIn(x0, y0, x1, y1, i -> {
            TopologyNode n = p.graph().node(i);
            gc.setFill(fill(n, inv, colouring, pal));
            double x = p.x(i);
            double y = p.y(i);
            if (detail) {
                gc.fillRoundRect(x, y, n.width(), n.height(), 6, 6);
            } else {
                gc.fillRect(x, y, n.width(), n.height());
            }
        });
        if (labels) {
            gc.setFont(LABEL);
            gc.setTextBaseline(VPos.CENTER);
            gc.setTextAlign(TextAlignment.CENTER);
            p.forEachIn(x0, y0, x1, y1, i -> {
                TopologyNode n = p.graph().node(i);
                Color fill = fill(n, inv, colouring, pal);
                gc.setFill(fill.getBrightness() > 0.75 || n.machine() == null && pal == TopologyPalette.LIGHT
                        ? Color.web("#1f2328") : Color.WHITE);
                gc.fillText(n.label(), p.centerX(i), p.centerY(i), n.width() - 8);
            });
        }
        outline(gc, p, selected, focused, z, pal);
    }

    private Color fill(TopologyNode n, Inventory inv, MachineColouring colouring, TopologyPalette pal) {
        if (n.machine() != null) {
            Machine m = inv.machines().get(n.machine());
            return m == null || colouring == null ? pal.group() : colour(colouring.entryFor(m, inv).swatch());
        }
        return n.kind() == NodeKind.CLUSTER || n.kind() == NodeKind.ROLE_GROUP ? pal.cluster() : pal.group();
    }

    private static void edges(GraphicsContext gc, PlacedGraph p, double x0, double y0, double x1, double y1, double z,
                              TopologyPalette pal) {
        for (EdgeKind kind : EdgeKind.values()) {
            gc.beginPath();
            int drawn = 0;
            for (TopologyEdge e : p.graph().edges()) {
                if (e.kind() != kind) {
                    continue;
                }
                double ax = p.centerX(e.from());
                double ay = p.centerY(e.from());
                double bx = p.centerX(e.to());
                double by = p.centerY(e.to());
                if (Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1) {
                    continue;
                }
                gc.moveTo(ax, ay);
                gc.lineTo(bx, by);
                drawn++;
            }
            if (drawn > 0) {
                gc.setStroke(switch (kind) {
                    case CONTAINS -> pal.contains();
                    case MEMBER -> pal.member();
                    case JUMP -> pal.jump();
                });
                gc.setLineWidth((kind == EdgeKind.JUMP ? 1.6 : 1) / z);
                gc.stroke();
            }
        }
    }

    private static void outline(GraphicsContext gc, PlacedGraph p, Set<String> selected, int focused, double z,
                                TopologyPalette pal) {
        gc.setStroke(pal.accent());
        double w = Math.max(2.5 / z, 2);
        gc.setLineWidth(w);
        for (String name : selected) {
            int i = p.graph().indexOfMachine(name);
            if (i >= 0) {
                TopologyNode n = p.graph().node(i);
                gc.strokeRect(p.x(i) - w / 2, p.y(i) - w / 2, n.width() + w, n.height() + w);
            }
        }
        if (focused >= 0 && focused < p.graph().size()) {
            TopologyNode n = p.graph().node(focused);
            double r = 6 / z;
            gc.setStroke(pal.focus());
            gc.setLineWidth(3 / z);
            gc.strokeRoundRect(p.x(focused) - r, p.y(focused) - r, n.width() + 2 * r, n.height() + 2 * r, 3 * r, 3 * r);
        }
    }

    /** The minimap's picture: every vertex as a dot, in its colour, scaled to {@code w x h}. */
    void paintMinimap(GraphicsContext gc, double w, double h, PlacedGraph p, Inventory inv,
                      MachineColouring colouring, TopologyPalette pal) {
        gc.setTransform(1, 0, 0, 1, 0, 0);
        gc.clearRect(0, 0, w, h);
        gc.setFill(pal.minimap());
        gc.fillRect(0, 0, w, h);
        gc.setStroke(pal.muted());
        gc.setLineWidth(1);
        gc.strokeRect(0.5, 0.5, w - 1, h - 1);
        if (p == null) {
            return;
        }
        double s = minimapScale(p, w, h);
        for (int i = 0; i < p.graph().size(); i++) {
            TopologyNode n = p.graph().node(i);
            gc.setFill(fill(n, inv, colouring, pal));
            gc.fillRect(p.x(i) * s, p.y(i) * s, Math.max(1, n.width() * s), Math.max(1, n.height() * s));
        }
    }

    /** Layout units to minimap pixels. */
    static double minimapScale(PlacedGraph p, double w, double h) {
        return Math.min(w / p.width(), h / p.height());
    }
}
