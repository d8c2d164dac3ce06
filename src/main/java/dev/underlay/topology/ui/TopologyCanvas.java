package dev.underlay.topology.ui;

import dev.underlay.topology.PlacedGraph;
import dev.underlay.ui.LiveRepaint;
import javafx.beans.Observable;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The topology control: one canvas the size of the view, drawing only what is in it (the picture's grid index), at
 * most once per pulse however many changes arrive; a minimap in the lower right corner (its vertices drawn again
 * only when the picture or its colours change, the viewport's rectangle at each frame); a running job's recolours
 * at most five times a second ({@link LiveRepaint}). Gestures are
 * {@link TopologyGestures}'.
 */
public final class TopologyCanvas extends Region {
    static final double MINIMAP_W = 220;
    static final double MINIMAP_H = 150;
    private final TopologyViewModel vm;
    private final Canvas canvas = new Canvas();
    private final Canvas minimap = new Canvas(MINIMAP_W, MINIMAP_H);
    private final Canvas minimapView = new Canvas(MINIMAP_W, MINIMAP_H);
    private final TopologyPainter painter = new TopologyPainter();
    private final TopologyGestures gestures;
    private boolean dirty = true;
    private boolean minimapDirty = true;
    /** A job's recolours, five a second at most: each is a repaint of every node in view and the minimap. */
    private final LiveRepaint live = new LiveRepaint(200, () -> {
        minimapDirty = true;
        redraw();
    });
    private long lastPaintNanos;
    private TopologyPalette palette = TopologyPalette.LIGHT;

    public TopologyCanvas(TopologyViewModel vm) {
        this.vm = vm;
        setId("topology-canvas");
        getStyleClass().add("topology-canvas");
        minimap.setId("topology-minimap");
        minimapView.setMouseTransparent(true);
        getChildren().addAll(canvas, minimap, minimapView);
        canvas.setFocusTraversable(true);
        for (Observable o : new Observable[] {vm.pictureProperty(), vm.colouringProperty(), vm.shownProperty()}) {
            o.addListener(x -> {
                minimapDirty = true;
                redraw();
            });
        }
        vm.recoloursProperty().addListener(x -> live.changed());
        for (Observable o : new Observable[] {vm.selectionProperty(), vm.viewportProperty(), vm.focusedProperty()}) {
            o.addListener(x -> redraw());
        }
        // a canvas takes no CSS: a theme change reaches it as a new background of the window's root
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null && scene.getRoot() instanceof Region root) {
                root.backgroundProperty().addListener(x -> {
                    minimapDirty = true;
                    redraw();
                });
                minimapDirty = true;
                redraw();
            }
        });
        gestures = new TopologyGestures(vm, canvas, minimap, this::redraw);
    }

    void redraw() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            vm.viewSize(w, h);
            dirty = true;
        }
        double mx = Math.max(0, w - MINIMAP_W - 12);
        double my = Math.max(0, h - MINIMAP_H - 12);
        minimap.relocate(mx, my);
        minimapView.relocate(mx, my);
        if (dirty) {
            dirty = false;
            paint();
        }
    }

    private void paint() {
        long t0 = System.nanoTime();
        palette = palette();
        PlacedGraph p = vm.picture();
        painter.paint(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), p,
                vm.shownProperty().get(), vm.colouringProperty().get(), vm.selectionProperty().get(),
                vm.focusedProperty().get(), vm.viewportProperty().get(), palette);
        gestures.paintOverlay(canvas.getGraphicsContext2D(), palette);
        if (minimapDirty) {
            minimapDirty = false;
            painter.paintMinimap(minimap.getGraphicsContext2D(), MINIMAP_W, MINIMAP_H, p, vm.shownProperty().get(),
                    vm.colouringProperty().get(), palette);
        }
        paintMinimapView(p);
        lastPaintNanos = System.nanoTime() - t0;
    }

    private void paintMinimapView(PlacedGraph p) {
        var gc = minimapView.getGraphicsContext2D();
        gc.clearRect(0, 0, MINIMAP_W, MINIMAP_H);
        if (p == null) {
            return;
        }
        double s = TopologyPainter.minimapScale(p, MINIMAP_W, MINIMAP_H);
        Viewport vp = vm.viewportProperty().get();
        double x = Math.max(0, vp.worldX(0) * s);
        double y = Math.max(0, vp.worldY(0) * s);
        double x2 = Math.min(MINIMAP_W - 1, vp.worldX(canvas.getWidth()) * s);
        double y2 = Math.min(MINIMAP_H - 1, vp.worldY(canvas.getHeight()) * s);
        gc.setStroke(palette.accent());
        gc.setLineWidth(2);
        gc.strokeRect(x, y, Math.max(2, x2 - x), Math.max(2, y2 - y));
    }

    /** Light or dark, from the background the theme gives the window. */
    private TopologyPalette palette() {
        if (getScene() != null && getScene().getRoot() instanceof Region r) {
            Background b = r.getBackground();
            if (b != null && !b.getFills().isEmpty()) {
                Paint fill = b.getFills().get(0).getFill();
                return TopologyPalette.forBackground(fill instanceof Color c ? c : null);
            }
        }
        return TopologyPalette.LIGHT;
    }

    /** Where a layout point is on the screen now (for tests that drive the pointer). */
    public Point2D screenPoint(double wx, double wy) {
        Viewport vp = vm.viewportProperty().get();
        return canvas.localToScreen(vp.screenX(wx), vp.screenY(wy));
    }

    /** Where a layout point is drawn in the minimap, on the screen. */
    public Point2D minimapScreenPoint(double wx, double wy) {
        double s = TopologyPainter.minimapScale(vm.picture(), MINIMAP_W, MINIMAP_H);
        return minimap.localToScreen(wx * s, wy * s);
    }

    /** The drawing canvas (the console gives it the context menu). */
    public Canvas canvas() {
        return canvas;
    }

    /** How long the last repaint took to issue its drawing (the benchmark's figure). */
    long lastPaintNanos() {
        return lastPaintNanos;
    }
}
