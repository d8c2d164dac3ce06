package dev.underlay.racks.ui;

import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.LegendEntry;
import dev.underlay.racks.MachineColouring;
import dev.underlay.racks.Rect;
import java.util.List;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The whole elevation of a site drawn on an off-screen canvas with its legend, for the PNG export: the same painter
 * as the view, nothing selected, scaled down when the site is wider than {@value #MAX_SIDE} pixels. On the FX thread.
 */
final class ElevationSnapshot {
    static final int MAX_SIDE = 8192;
    private static final double LEGEND_H = 40;

    record Pixels(int width, int height, int[] argb) {
    }

    private ElevationSnapshot() {
    }

    static Pixels render(ElevationGeometry g, MachineColouring colouring, List<LegendEntry> legend,
                         ElevationPalette palette) {
        double scale = Math.min(1, MAX_SIDE / Math.max(g.width(), g.height() + LEGEND_H));
        int w = (int) Math.ceil(g.width() * scale);
        int h = (int) Math.ceil((g.height() + LEGEND_H) * scale);
        Canvas c = new Canvas(w, h);
        GraphicsContext gc = c.getGraphicsContext2D();
        gc.setTransform(scale, 0, 0, scale, 0, 0);
        new ElevationPainter().paint(gc, g, colouring, Set.of(), ElevationPainter.Overlay.NONE,
                new Rect(0, 0, g.width(), g.height() + LEGEND_H), scale, palette);
        double x = 16;
        double y = g.height() + 20;
        gc.setTextBaseline(VPos.CENTER);
        gc.setFont(Font.font(Font.getDefault().getFamily(), 11));
        gc.setFill(palette.text());
        gc.fillText(colouring.title() + ":", x, y);
        x += 60;
        for (LegendEntry e : legend) {
            gc.setFill(Color.rgb(e.swatch().red(), e.swatch().green(), e.swatch().blue()));
            gc.fillRoundRect(x, y - 7, 14, 14, 3, 3);
            gc.setFill(palette.text());
            gc.fillText(e.label(), x + 18, y);
            x += 30 + 7 * e.label().length();
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(palette.background());
        WritableImage img = c.snapshot(params, null);
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Pixels(w, h, argb);
    }
}
