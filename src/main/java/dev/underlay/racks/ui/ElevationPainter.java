package dev.underlay.racks.ui;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.LegendEntry;
import dev.underlay.racks.MachineBox;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.MoveCheck;
import dev.underlay.racks.RackFrame;
import dev.underlay.racks.Rect;
import dev.underlay.racks.Swatch;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws an elevation's visible part on a canvas: only the racks that meet the viewport are drawn, so a site of a
 * hundred racks costs what the racks on screen cost. Used by the canvas at each pulse that needs it and by the PNG
 * export on a canvas of the whole site.
 */
final class ElevationPainter {
    /** What a drag or a refused drop adds to the picture. */
    record Overlay(MoveCheck drag, MoveCheck refusal, Rect band, RackFrame rangeRack, int rangeFrom, int rangeTo) {
        static final Overlay NONE = new Overlay(null, null, null, null, 0, 0);
    }

    private final Map<Swatch, Color> colours = new HashMap<>();
    private final Map<Double, Font> fonts = new HashMap<>();
    private final Map<Double, Font> bold = new HashMap<>();

    /**
     * @param view the visible part in layout units (x, y, width, height); the transform is the caller's
     * @param zoom pixels per layout unit, to leave out what would be too small to read
     */
    void paint(GraphicsContext gc, ElevationGeometry g, MachineColouring colouring, Set<String> selected,
               Overlay overlay, Rect view, double zoom, ElevationPalette p) {
        gc.setFill(p.background());
        gc.fillRect(view.x(), view.y(), view.w(), view.h());
        if (g == null) {
            return;
        }
        Inventory inv = g.elevation().inventory();
        gc.setTextBaseline(VPos.CENTER);
        boolean numbers = SIZE_U * zoom >= 7;
        for (RackFrame f : g.frames()) {
            if (f.bounds().intersects(view)) {
                frame(gc, f, p, numbers, zoom);
            }
        }
        if (g.siteUnplaced() != null && g.siteUnplaced().intersects(view)) {
            list(gc, g.siteUnplaced(), "No rack", p);
        }
        boolean names = zoom * 9 >= 7;
        String lifted = overlay.drag() != null ? overlay.drag().read().name() : null;
        for (MachineBox b : g.boxes()) {
            Rect r = b.bounds();
            if (!r.intersects(view)) {
                continue;
            }
            // the machine being dragged stays where it is, faded, until the drop is saved
            gc.setGlobalAlpha(b.machine().name().equals(lifted) ? 0.35 : 1);
            LegendEntry e = colouring.entryFor(b.machine(), inv);
            Color fill = colours.computeIfAbsent(e.swatch(), s -> Color.rgb(s.red(), s.green(), s.blue()));
            gc.setFill(fill);
            boolean sel = selected.contains(b.machine().name());
            if (r.h() * zoom < 6) { // an overview: a plain block per machine, outlined only when selected
                gc.fillRect(r.x(), r.y(), r.w(), r.h());
                if (sel) {
                    gc.setStroke(p.accent());
                    gc.setLineWidth(2 / zoom);
                    gc.strokeRect(r.x(), r.y(), r.w(), r.h());
                }
                continue;
            }
            gc.fillRoundRect(r.x(), r.y(), r.w(), r.h(), 3, 3);
            gc.setStroke(sel ? p.accent() : fill.darker());
            gc.setLineWidth(sel ? 2.5 / Math.max(zoom, 0.5) : 1 / zoom);
            gc.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), 3, 3);
            if (names) {
                gc.setFill(e.swatch().light() ? Color.web("#1f2328") : Color.WHITE);
                String label = b.machine().name();
                if (b.side() != null && b.machine().face() == Face.FULL_DEPTH && r.h() > 20) {
                    label += "  \u2194";
                }
                text(gc, label, r.x() + 5, r.y() + Math.min(r.h(), 16) / 2, Math.min(11, r.h() - 3), r.w() - 8,
                        false);
            }
        }
        gc.setGlobalAlpha(1);
        overlay(gc, g, overlay, p, zoom);
    }

    private static final double SIZE_U = dev.underlay.racks.SideBySideLayout.U_PX;

    private void frame(GraphicsContext gc, RackFrame f, ElevationPalette p, boolean numbers, double zoom) {
        gc.setFill(p.text());
        String title = f.rack().name() + "  " + f.rack().heightU() + "U"
                + (f.rack().row().isEmpty() ? "" : "  row " + f.rack().row() + "/" + f.rack().position());
        text(gc, title, f.title().x(), f.title().y() + 9, 13, f.title().w(), true);
        gc.setFill(p.muted());
        text(gc, "front", f.front().x(), f.title().bottom() - 7, 10, 60, false);
        text(gc, "rear", f.rear().x(), f.title().bottom() - 7, 10, 60, false);
        for (Rect face : new Rect[] {f.front(), f.rear()}) {
            gc.setFill(p.face());
            gc.fillRect(face.x(), face.y(), face.w(), face.h());
            gc.setStroke(p.row());
            gc.setLineWidth(1 / zoom);
            if (numbers) {
                for (int u = 1; u < f.rack().heightU(); u++) {
                    double y = f.yOfU(u);
                    gc.strokeLine(face.x(), y, face.right(), y);
                }
            }
            gc.setStroke(p.frame());
            gc.setLineWidth(1.5 / zoom);
            gc.strokeRect(face.x(), face.y(), face.w(), face.h());
        }
        if (numbers) {
            gc.setFill(p.muted());
            gc.setTextAlign(TextAlignment.CENTER);
            for (int u = 1; u <= f.rack().heightU(); u++) {
                gc.setFont(font(9, false));
                gc.fillText(String.valueOf(u), f.gutter().centerX(), f.yOfU(u) + f.uPx() / 2);
            }
            gc.setTextAlign(TextAlignment.LEFT);
        }
        if (f.unplaced() != null) {
            list(gc, f.unplaced(), "No U", p);
        }
    }

    private void list(GraphicsContext gc, Rect area, String title, ElevationPalette p) {
        gc.setStroke(p.frame());
        gc.setLineDashes(4, 3);
        gc.strokeRoundRect(area.x(), area.y(), area.w(), area.h(), 6, 6);
        gc.setLineDashes((double[]) null);
        gc.setFill(p.muted());
        text(gc, title, area.x() + 6, area.y() + 10, 10, area.w() - 12, true);
    }

    private void overlay(GraphicsContext gc, ElevationGeometry g, Overlay o, ElevationPalette p, double zoom) {
        if (o.rangeRack() != null) {
            Rect r = o.rangeRack().rows(o.rangeRack().gutter(), o.rangeFrom(), o.rangeTo());
            gc.setFill(p.accent().deriveColor(0, 1, 1, 0.35));
            gc.fillRect(r.x(), r.y(), r.w(), r.h());
        }
        if (o.band() != null) {
            gc.setFill(p.accent().deriveColor(0, 1, 1, 0.12));
            gc.fillRect(o.band().x(), o.band().y(), o.band().w(), o.band().h());
            gc.setStroke(p.accent());
            gc.setLineWidth(1 / zoom);
            gc.strokeRect(o.band().x(), o.band().y(), o.band().w(), o.band().h());
        }
        MoveCheck c = o.drag() != null ? o.drag() : o.refusal();
        if (c == null || c.to().u() == null) {
            return;
        }
        RackFrame f = g.frame(c.to().rack());
        if (f == null) {
            return;
        }
        Color tone = c.allowed() ? p.ok() : p.refused();
        int top = c.to().u() + c.read().uHeight() - 1;
        for (Face side : new Face[] {Face.FRONT, Face.REAR}) {
            if (c.to().face() != Face.FULL_DEPTH && c.to().face() != side) {
                continue;
            }
            Rect r = f.rows(f.face(side), c.to().u(), Math.min(top, f.rack().heightU() + 3));
            gc.setFill(tone.deriveColor(0, 1, 1, 0.30));
            gc.fillRoundRect(r.x(), r.y(), r.w(), r.h(), 4, 4);
            gc.setStroke(tone);
            gc.setLineWidth(2.5 / Math.max(zoom, 0.5));
            gc.strokeRoundRect(r.x(), r.y(), r.w(), r.h(), 4, 4);
        }
        String note = c.allowed() ? c.read().name() + " \u2192 " + c.to().describe(c.read().uHeight())
                : "\u2716 " + c.message();
        double x = f.front().x();
        double y = Math.max(f.front().y(), f.yOfU(Math.min(top, f.rack().heightU())) - 22);
        double w = Math.max(2 * f.front().w() + f.gutter().w(), Math.min(note.length() * 6.2 + 12, 560));
        gc.setFill(tone);
        gc.fillRoundRect(x, y, w, 20, 6, 6);
        gc.setFill(Color.WHITE);
        text(gc, note, x + 6, y + 10, 11, w - 12, true);
    }

    private void text(GraphicsContext gc, String s, double x, double y, double size, double maxW, boolean heavy) {
        if (size < 5 || maxW < 8) {
            return;
        }
        gc.setFont(font(size, heavy));
        int fit = (int) (maxW / (size * 0.58));
        gc.fillText(s.length() <= fit ? s : s.substring(0, Math.max(1, fit - 1)) + "\u2026", x, y);
    }

    private Font font(double size, boolean heavy) {
        double key = Math.rint(size);
        return (heavy ? bold : fonts).computeIfAbsent(key, k -> heavy
                ? Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, k)
                : Font.font(Font.getDefault().getFamily(), k));
    }
}
