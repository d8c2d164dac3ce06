package dev.underlay.topology.ui;

import dev.underlay.topology.PlacedGraph;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.util.Duration;

/**
 * The topology canvas's pointer and keys: drag pans, Shift+drag draws a selection rectangle (Ctrl+Shift adds to
 * the selection), click selects a vertex's machines and Ctrl+click adds or removes them, the wheel zooms about the
 * pointer, + and - zoom, 0 or F fits, the arrows pan; a click or drag in the minimap moves the view there. A
 * right-click on a machine outside the selection selects it first, so the context menu acts on what was clicked.
 */
final class TopologyGestures {
    private static final double CLICK_SLOP = 4;
    private final TopologyViewModel vm;
    private final Canvas canvas;
    private final Runnable redraw;
    private final Tooltip tip = new Tooltip();
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean band;
    private boolean moved;

    TopologyGestures(TopologyViewModel vm, Canvas canvas, Canvas minimap, Runnable redraw) {
        this.vm = vm;
        this.canvas = canvas;
        this.redraw = redraw;
        tip.setShowDelay(Duration.millis(250));
        tip.textProperty().bind(vm.hoverProperty());
        vm.hoverProperty().addListener((obs, o, n) -> {
            if (n.isEmpty()) {
                Tooltip.uninstall(canvas, tip);
            } else {
                Tooltip.install(canvas, tip);
            }
        });
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(e -> vm.hover(hit(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> vm.hover(-1));
        canvas.setOnScroll(this::scrolled);
        canvas.setOnKeyPressed(this::key);
        minimap.setOnMousePressed(e -> minimapMove(e, minimap));
        minimap.setOnMouseDragged(e -> minimapMove(e, minimap));
    }

    private int hit(double sx, double sy) {
        PlacedGraph p = vm.picture();
        Viewport vp = vm.viewportProperty().get();
        return p == null ? -1 : p.at(vp.worldX(sx), vp.worldY(sy));
    }

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        moved = false;
        band = e.getButton() == MouseButton.PRIMARY && e.isShiftDown();
        if (e.getButton() == MouseButton.SECONDARY) {
            int i = hit(e.getX(), e.getY());
            if (i >= 0 && !vm.selectionProperty().get().containsAll(vm.machinesUnder(i))) {
                vm.click(i, false);
            }
        }
    }

    private void dragged(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (Math.abs(e.getX() - pressX) > CLICK_SLOP || Math.abs(e.getY() - pressY) > CLICK_SLOP) {
            moved = true;
        }
        if (band) {
            canvas.setCursor(Cursor.CROSSHAIR);
            lastX = e.getX();
            lastY = e.getY();
            redraw.run();
        } else if (moved) {
            canvas.setCursor(Cursor.CLOSED_HAND);
            vm.panBy(e.getX() - lastX, e.getY() - lastY);
            lastX = e.getX();
            lastY = e.getY();
        }
    }

    private void released(MouseEvent e) {
        canvas.setCursor(Cursor.DEFAULT);
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (band && moved) {
            Viewport vp = vm.viewportProperty().get();
            vm.selectIn(vp.worldX(pressX), vp.worldY(pressY), vp.worldX(e.getX()), vp.worldY(e.getY()),
                    e.isShortcutDown());
        } else if (!moved) {
            vm.click(hit(e.getX(), e.getY()), e.isShortcutDown());
        }
        band = false;
        moved = false;
        redraw.run();
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            vm.zoomAt(e.getDeltaY() > 0 ? 1.2 : 1 / 1.2, e.getX(), e.getY());
        }
        e.consume();
    }

    private void key(KeyEvent e) {
        double step = 80;
        switch (e.getCode()) {
            case PLUS, EQUALS, ADD -> vm.zoomBy(1.25);
            case MINUS, SUBTRACT -> vm.zoomBy(1 / 1.25);
            case DIGIT0, NUMPAD0, F -> vm.fit();
            case LEFT -> vm.panBy(step, 0);
            case RIGHT -> vm.panBy(-step, 0);
            case UP -> vm.panBy(0, step);
            case DOWN -> vm.panBy(0, -step);
            case ESCAPE -> {
                band = false;
                redraw.run();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void minimapMove(MouseEvent e, Canvas minimap) {
        PlacedGraph p = vm.picture();
        if (p != null) {
            double s = TopologyPainter.minimapScale(p, minimap.getWidth(), minimap.getHeight());
            vm.centreOn(e.getX() / s, e.getY() / s);
        }
        e.consume();
    }

    /** The selection rectangle being dragged, drawn over the picture. */
    void paintOverlay(GraphicsContext gc, TopologyPalette pal) {
        if (!band || !moved) {
            return;
        }
        gc.setTransform(1, 0, 0, 1, 0, 0);
        double x = Math.min(pressX, lastX);
        double y = Math.min(pressY, lastY);
        gc.setFill(pal.accent().deriveColor(0, 1, 1, 0.12));
        gc.fillRect(x, y, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
        gc.setStroke(pal.accent());
        gc.setLineWidth(1);
        gc.strokeRect(x + 0.5, y + 0.5, Math.abs(lastX - pressX), Math.abs(lastY - pressY));
    }
}
