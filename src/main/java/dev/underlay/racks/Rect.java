package dev.underlay.racks;

/** An axis-aligned rectangle in layout units (pixels at zoom 1). */
public record Rect(double x, double y, double w, double h) {
    /** The rectangle spanned by two corners, in any order (a rubber band). */
    public static Rect spanning(double x1, double y1, double x2, double y2) {
        return new Rect(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
    }

    public boolean contains(double px, double py) {
        return px >= x && px < x + w && py >= y && py < y + h;
    }

    public boolean intersects(Rect o) {
        return o.x < x + w && o.x + o.w > x && o.y < y + h && o.y + o.h > y;
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }
}
