package dev.underlay.racks.ui;

import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.Rect;
import dev.underlay.ui.LiveRepaint;
import javafx.beans.Observable;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The rack elevation control: one canvas the size of the viewport with scroll bars, drawing only what is in view
 * (so a site of a hundred racks draws as fast as three), redrawn at most once per pulse, and for a running job's
 * recolours at most five times a second ({@link LiveRepaint}). Pointer gestures go to the
 * view model: hover, click and Ctrl-click, a rubber band from empty space, a range of U dragged in the U numbers,
 * and a machine dragged to another U, face or rack (or out of an unplaced list). Ctrl and the wheel zoom.
 */
public final class RackElevationCanvas extends Region {
    private final RackElevationsViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ScrollBar h = new ScrollBar();
    private final ScrollBar v = new ScrollBar();
    private final ElevationPainter painter = new ElevationPainter();
    private final ElevationGestures gestures;
    /** A job's recolours, five a second at most: each is a repaint of every machine in view. */
    private final LiveRepaint live = new LiveRepaint(200, this::redraw);
    private boolean dirty = true;
    private long lastPaintNanos;
    /** The canvas point a wheel zoom keeps in place; the centre otherwise. */
    private Point2D anchor;

    public RackElevationCanvas(RackElevationsViewModel vm) {
        this.vm = vm;
        setId("rack-canvas");
        getStyleClass().add("rack-canvas");
        v.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, h, v);
        canvas.setFocusTraversable(true);
        for (Observable o : new Observable[] {vm.geometryProperty(), vm.colouringProperty(), vm.selectionProperty(),
            vm.moves().previewProperty(), vm.moves().refusalProperty(), h.valueProperty(), v.valueProperty()}) {
            o.addListener(x -> redraw());
        }
        vm.recoloursProperty().addListener(x -> live.changed());
        vm.zoomProperty().addListener((obs, o, n) -> zoomed(o.doubleValue(), n.doubleValue(),
                anchor != null ? anchor.getX() : canvas.getWidth() / 2,
                anchor != null ? anchor.getY() : canvas.getHeight() / 2));
        // a canvas takes no CSS: a theme change reaches it as a new background of the window's root
        sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null && scene.getRoot() instanceof Region root) {
                root.backgroundProperty().addListener(x -> redraw());
                redraw();
            }
        });
        gestures = new ElevationGestures(vm, canvas, this::lx, this::ly, this::zoom, this::redraw);
        canvas.setOnScroll(this::scrolled);
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                gestures.cancel();
            }
        });
    }

    private double zoom() {
        return vm.zoomProperty().get();
    }

    /** Layout units of a point of the canvas. */
    private double lx(double x) {
        return (x + h.getValue()) / zoom();
    }

    private double ly(double y) {
        return (y + v.getValue()) / zoom();
    }

    /** Where a point in layout units is on the screen now (for tests that drive the pointer). */
    public Point2D screenPoint(double x, double y) {
        return canvas.localToScreen(x * zoom() - h.getValue(), y * zoom() - v.getValue());
    }

    /** Scrolls so the layout point is in view, near the middle. */
    public void reveal(double x, double y) {
        h.setValue(clamp(x * zoom() - canvas.getWidth() / 2, h.getMax()));
        v.setValue(clamp(y * zoom() - canvas.getHeight() / 2, v.getMax()));
    }

    /** Sets the zoom that shows the whole site. */
    public void fit() {
        ElevationGeometry g = vm.geometry();
        if (g != null && canvas.getWidth() > 0) {
            vm.zoomProperty().set(Math.min(1.5, Math.min(canvas.getWidth() / g.width(),
                    canvas.getHeight() / g.height())));
        }
    }

    private void redraw() {
        dirty = true;
        requestLayout();
    }

    private void zoomed(double from, double to, double px, double py) {
        double x = (px + h.getValue()) / from;
        double y = (py + v.getValue()) / from;
        updateBars();
        h.setValue(clamp(x * to - px, h.getMax()));
        v.setValue(clamp(y * to - py, v.getMax()));
        redraw();
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(max, value));
    }

    private void updateBars() {
        ElevationGeometry g = vm.geometry();
        double cw = Math.max(0, getWidth() - v.prefWidth(-1));
        double ch = Math.max(0, getHeight() - h.prefHeight(-1));
        double w = g == null ? 0 : g.width() * zoom();
        double hh = g == null ? 0 : g.height() * zoom();
        h.setMax(Math.max(0, w - cw));
        v.setMax(Math.max(0, hh - ch));
        h.setVisibleAmount(cw);
        v.setVisibleAmount(ch);
        h.setUnitIncrement(40);
        v.setUnitIncrement(40);
        h.setValue(clamp(h.getValue(), h.getMax()));
        v.setValue(clamp(v.getValue(), v.getMax()));
        h.setVisible(h.getMax() > 0);
        v.setVisible(v.getMax() > 0);
    }

    @Override
    protected void layoutChildren() {
        double sw = v.prefWidth(-1);
        double sh = h.prefHeight(-1);
        double cw = Math.max(0, getWidth() - sw);
        double ch = Math.max(0, getHeight() - sh);
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            dirty = true;
        }
        h.resizeRelocate(0, ch, cw, sh);
        v.resizeRelocate(cw, 0, sw, ch);
        updateBars();
        if (dirty) {
            dirty = false;
            paint();
        }
    }

    private void paint() {
        long t0 = System.nanoTime();
        paintCommands();
        lastPaintNanos = System.nanoTime() - t0;
    }

    private void paintCommands() {
        var gc = canvas.getGraphicsContext2D();
        double z = zoom();
        gc.setTransform(z, 0, 0, z, -h.getValue(), -v.getValue());
        Rect view = new Rect(lx(0), ly(0), canvas.getWidth() / z, canvas.getHeight() / z);
        painter.paint(gc, vm.geometry(), vm.colouringProperty().get(), vm.selectionProperty().get(),
                gestures.overlay(), view, z, palette());
    }

    /** Light or dark, from the background the theme gives the window. */
    private ElevationPalette palette() {
        if (getScene() != null && getScene().getRoot() instanceof Region r) {
            Background b = r.getBackground();
            if (b != null && !b.getFills().isEmpty()) {
                Paint p = b.getFills().get(0).getFill();
                return ElevationPalette.forBackground(p instanceof Color c ? c : null);
            }
        }
        return ElevationPalette.LIGHT;
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            anchor = new Point2D(e.getX(), e.getY());
            try {
                vm.zoomBy(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15);
            } finally {
                anchor = null;
            }
        } else {
            h.setValue(clamp(h.getValue() - e.getDeltaX(), h.getMax()));
            v.setValue(clamp(v.getValue() - e.getDeltaY(), v.getMax()));
        }
        e.consume();
    }

    /** How long the last repaint took to issue its drawing (the benchmark's figure). */
    long lastPaintNanos() {
        return lastPaintNanos;
    }

    ElevationPainter painter() {
        return painter;
    }

    ElevationPalette currentPalette() {
        return palette();
    }
}
