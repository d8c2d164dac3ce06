package dev.underlay.racks.ui;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Machine;
import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.MachineBox;
import dev.underlay.racks.Placement;
import dev.underlay.racks.RackFrame;
import dev.underlay.racks.Rect;
import dev.underlay.racks.Slot;
import javafx.beans.Observable;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.util.Duration;

/**
 * The rack elevation control: one canvas the size of the viewport with scroll bars, drawing only what is in view
 * (so a site of a hundred racks draws as fast as three), redrawn at most once per pulse. Pointer gestures go to the
 * view model: hover, click and Ctrl-click, a rubber band from empty space, a range of U dragged in the U numbers,
 * and a machine dragged to another U, face or rack (or out of an unplaced list). Ctrl and the wheel zoom.
 */
public final class RackElevationCanvas extends Region {
    private static final double DRAG_SLOP = 4;
    private final RackElevationsViewModel vm;
    private final Canvas canvas = new Canvas();
    private final ScrollBar h = new ScrollBar();
    private final ScrollBar v = new ScrollBar();
    private final ElevationPainter painter = new ElevationPainter();
    private final Tooltip tip = new Tooltip();
    private boolean dirty = true;
    private boolean tipInstalled;
    private long lastPaintNanos;
    /** The canvas point a wheel zoom keeps in place; the centre otherwise. */
    private Point2D anchor;
    // the gesture in progress
    private double pressX;
    private double pressY;
    private MachineBox grabbed;
    private int grabOffset;
    private boolean dragging;
    private Placement target;
    private Rect band;
    private RackFrame rangeRack;
    private int rangeFrom;
    private int rangeTo;

    public RackElevationCanvas(RackElevationsViewModel vm) {
        this.vm = vm;
        setId("rack-canvas");
        getStyleClass().add("rack-canvas");
        v.setOrientation(Orientation.VERTICAL);
        getChildren().addAll(canvas, h, v);
        canvas.setFocusTraversable(true);
        tip.setShowDelay(Duration.millis(250));
        tip.textProperty().bind(vm.hoverProperty());
        for (Observable o : new Observable[] {vm.geometryProperty(), vm.colouringProperty(), vm.selectionProperty(),
            vm.recoloursProperty(), vm.moves().previewProperty(), vm.moves().refusalProperty(),
            h.valueProperty(), v.valueProperty()}) {
            o.addListener(x -> redraw());
        }
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
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> vm.hover(null));
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnScroll(this::scrolled);
        canvas.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && dragging) {
                endGesture();
                vm.moves().cancelDrag();
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
                new ElevationPainter.Overlay(vm.moves().previewProperty().get(), vm.moves().refusalProperty().get(),
                        band, rangeRack, rangeFrom, rangeTo), view, z, palette());
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

    // ---- pointer ----

    private void moved(MouseEvent e) {
        ElevationGeometry g = vm.geometry();
        MachineBox b = g == null ? null : g.boxAt(lx(e.getX()), ly(e.getY()));
        vm.hover(b == null ? null : b.machine().name());
        if (b != null && !tipInstalled) {
            Tooltip.install(canvas, tip);
            tipInstalled = true;
        } else if (b == null && tipInstalled) {
            Tooltip.uninstall(canvas, tip);
            tipInstalled = false;
        }
        Slot s = g == null ? null : g.slotAt(lx(e.getX()), ly(e.getY()));
        canvas.setCursor(b != null ? Cursor.HAND : s != null && s.gutter() ? Cursor.V_RESIZE : Cursor.DEFAULT);
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || vm.geometry() == null) {
            return;
        }
        endGesture();
        pressX = lx(e.getX());
        pressY = ly(e.getY());
        ElevationGeometry g = vm.geometry();
        grabbed = g.boxAt(pressX, pressY);
        Slot s = g.slotAt(pressX, pressY);
        if (grabbed != null) {
            Machine m = grabbed.machine();
            grabOffset = grabbed.unplaced() || s == null ? 0 : Math.max(0, s.u() - m.uPosition());
        } else if (s != null && s.gutter()) {
            rangeRack = g.frame(s.rack());
            rangeFrom = s.u();
            rangeTo = s.u();
            redraw();
        }
    }

    private void dragged(MouseEvent e) {
        double x = lx(e.getX());
        double y = ly(e.getY());
        ElevationGeometry g = vm.geometry();
        if (g == null) {
            return;
        }
        if (grabbed != null) {
            if (!dragging && Math.hypot(x - pressX, y - pressY) * zoom() < DRAG_SLOP) {
                return;
            }
            dragging = true;
            canvas.setCursor(Cursor.CLOSED_HAND);
            target = placement(g.slotAt(x, y));
            if (target == null) {
                vm.moves().cancelDrag();
            } else {
                vm.moves().drag(grabbed.machine().name(), target);
            }
        } else if (rangeRack != null) {
            rangeTo = rangeRack.uAt(y);
            redraw();
        } else {
            band = Rect.spanning(pressX, pressY, x, y);
            redraw();
        }
    }

    /** Where a drop on this slot puts the grabbed machine: its bottom U kept under the point it was held by. */
    private Placement placement(Slot s) {
        if (s == null || s.gutter()) {
            return null;
        }
        Machine m = grabbed.machine();
        Face face = m.face() == Face.FULL_DEPTH ? Face.FULL_DEPTH : s.side();
        return new Placement(s.rack(), Math.max(1, s.u() - grabOffset), face);
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        boolean add = e.isShortcutDown();
        if (grabbed != null && dragging) {
            String name = grabbed.machine().name();
            Placement to = target;
            endGesture();
            if (to == null) {
                vm.moves().cancelDrag();
            } else {
                vm.moves().drop(name, to);
            }
        } else if (grabbed != null) {
            String name = grabbed.machine().name();
            endGesture();
            vm.click(name, add);
        } else if (rangeRack != null) {
            String rack = rangeRack.rack().name();
            int from = rangeFrom;
            int to = rangeTo;
            endGesture();
            vm.selectRange(rack, from, to, add);
        } else if (band != null && band.w() * zoom() > DRAG_SLOP && band.h() * zoom() > DRAG_SLOP) {
            Rect b = band;
            endGesture();
            vm.selectAll(vm.geometry().machinesIn(b), add);
        } else {
            endGesture();
            if (!add) {
                vm.click(null, false);
            }
        }
        moved(e);
    }

    private void endGesture() {
        grabbed = null;
        dragging = false;
        target = null;
        band = null;
        rangeRack = null;
        redraw();
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
