package dev.underlay.racks.ui;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Machine;
import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.MachineBox;
import dev.underlay.racks.Placement;
import dev.underlay.racks.RackFrame;
import dev.underlay.racks.Rect;
import dev.underlay.racks.Slot;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * The pointer gestures of the rack canvas, in layout units: hover, click and Ctrl-click, a rubber band from empty
 * space, a range of U along the U numbers, and a machine dragged to another U, face or rack (its bottom U kept
 * under the point it was held by). What a gesture decides goes to the view model; what it draws while in progress
 * (band, range) the canvas asks for with {@link #overlay}.
 */
final class ElevationGestures {
    private static final double DRAG_SLOP = 4;
    private final RackElevationsViewModel vm;
    private final Canvas canvas;
    private final DoubleUnaryOperator lx;
    private final DoubleUnaryOperator ly;
    private final DoubleSupplier zoom;
    private final Runnable redraw;
    private final Tooltip tip = new Tooltip();
    private boolean tipInstalled;
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

    /** @param lx canvas x to layout x (and {@code ly} for y), at the current scroll and zoom */
    ElevationGestures(RackElevationsViewModel vm, Canvas canvas, DoubleUnaryOperator lx, DoubleUnaryOperator ly,
                      DoubleSupplier zoom, Runnable redraw) {
        this.vm = vm;
        this.canvas = canvas;
        this.lx = lx;
        this.ly = ly;
        this.zoom = zoom;
        this.redraw = redraw;
        tip.setShowDelay(Duration.millis(250));
        tip.textProperty().bind(vm.hoverProperty());
        canvas.setOnMouseMoved(this::moved);
        canvas.setOnMouseExited(e -> vm.hover(null));
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
    }

    /** What the gesture in progress adds to the picture (the drag's check and a refusal are the view model's). */
    ElevationPainter.Overlay overlay() {
        return new ElevationPainter.Overlay(vm.moves().previewProperty().get(), vm.moves().refusalProperty().get(),
                band, rangeRack, rangeFrom, rangeTo);
    }

    /** Escape: drops the drag in progress. */
    void cancel() {
        if (dragging) {
            endGesture();
            vm.moves().cancelDrag();
        }
    }

    private double zoom() {
        return zoom.getAsDouble();
    }

    private double lx(double x) {
        return lx.applyAsDouble(x);
    }

    private double ly(double y) {
        return ly.applyAsDouble(y);
    }

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
            redraw.run();
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
            target = placement(g, x, y);
            if (target == null) {
                vm.moves().cancelDrag();
            } else {
                vm.moves().drag(grabbed.machine().name(), target);
            }
        } else if (rangeRack != null) {
            rangeTo = rangeRack.uAt(y);
            redraw.run();
        } else {
            band = Rect.spanning(pressX, pressY, x, y);
            redraw.run();
        }
    }

    /**
     * Where a drop at this point puts the grabbed machine: on a face, its bottom U kept under the point it was held
     * by; on the site's list of machines without a rack, out of its rack (no rack, no U); on a rack's list of
     * machines without a U, in that rack without one (which the rules refuse: a racked machine has a U).
     */
    private Placement placement(ElevationGeometry g, double x, double y) {
        Machine m = grabbed.machine();
        if (g.siteUnplaced() != null && g.siteUnplaced().contains(x, y)) {
            return new Placement("", null, m.face());
        }
        RackFrame f = g.frameAt(x, y);
        if (f != null && f.unplaced() != null && f.unplaced().contains(x, y)) {
            return new Placement(f.rack().name(), null, m.face());
        }
        Slot s = g.slotAt(x, y);
        if (s == null || s.gutter()) {
            return null;
        }
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
        redraw.run();
    }
}
