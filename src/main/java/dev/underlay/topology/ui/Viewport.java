package dev.underlay.topology.ui;

/**
 * What part of the drawing the canvas shows: a screen point {@code (sx, sy)} shows the layout point
 * {@code ((sx + tx) / zoom, (sy + ty) / zoom)}. Immutable and toolkit-free, so panning and zooming are tested
 * without JavaFX.
 */
public record Viewport(double tx, double ty, double zoom) {
    /** Zoom limits: 5,000 vertices fit at the smallest, a label reads large at the largest. */
    public static final double MIN_ZOOM = 0.002;
    public static final double MAX_ZOOM = 4;
    public static final Viewport DEFAULT = new Viewport(0, 0, 1);

    public double worldX(double sx) {
        return (sx + tx) / zoom;
    }

    public double worldY(double sy) {
        return (sy + ty) / zoom;
    }

    public double screenX(double wx) {
        return wx * zoom - tx;
    }

    public double screenY(double wy) {
        return wy * zoom - ty;
    }

    /** Moved by a drag of {@code (dx, dy)} screen pixels: the drawing follows the pointer. */
    public Viewport panBy(double dx, double dy) {
        return new Viewport(tx - dx, ty - dy, zoom);
    }

    /** Zoomed by {@code factor}, keeping the layout point under screen point {@code (sx, sy)} where it is. */
    public Viewport zoomAt(double factor, double sx, double sy) {
        double z = clamp(zoom * factor);
        double wx = worldX(sx);
        double wy = worldY(sy);
        return new Viewport(wx * z - sx, wy * z - sy, z);
    }

    /** The zoom and offset that show a {@code w x h} drawing whole, centred, in a {@code vw x vh} view. */
    public static Viewport fit(double w, double h, double vw, double vh) {
        if (w <= 0 || h <= 0 || vw <= 0 || vh <= 0) {
            return DEFAULT;
        }
        double z = clamp(Math.min(1, Math.min(vw / w, vh / h)));
        return new Viewport(w * z / 2 - vw / 2, h * z / 2 - vh / 2, z);
    }

    /** Centred on a layout point at {@code zoom}, in a {@code vw x vh} view. */
    public static Viewport centredOn(double wx, double wy, double zoom, double vw, double vh) {
        double z = clamp(zoom);
        return new Viewport(wx * z - vw / 2, wy * z - vh / 2, z);
    }

    private static double clamp(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }
}
