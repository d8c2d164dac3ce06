package dev.underlay.racks;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Rack;

/**
 * The drawn parts of one rack: its title, both faces, the gutter of U numbers between them, and the list of its
 * machines without a U. U rows are {@code uPx} high and U1 is at the bottom, as on the rails.
 *
 * @param unplaced the area listing the rack's machines without a U; null when it has none
 */
public record RackFrame(Rack rack, Rect title, Rect front, Rect gutter, Rect rear, Rect unplaced, double uPx) {
    /** The face rectangle of {@code side}. */
    public Rect face(Face side) {
        return side == Face.REAR ? rear : front;
    }

    /** Top edge of U {@code u}'s row. */
    public double yOfU(int u) {
        return front.y() + (rack.heightU() - u) * uPx;
    }

    /** The U at height {@code y}, clamped to the rack (1 to its height). */
    public int uAt(double y) {
        int u = rack.heightU() - (int) Math.floor((y - front.y()) / uPx);
        return Math.max(1, Math.min(rack.heightU(), u));
    }

    /** The rectangle of U rows {@code fromU} to {@code toU} on a face (or in the gutter). */
    public Rect rows(Rect column, int fromU, int toU) {
        int lo = Math.min(fromU, toU);
        int hi = Math.max(fromU, toU);
        return new Rect(column.x(), yOfU(hi), column.w(), (hi - lo + 1) * uPx);
    }

    /** The whole frame (title to the last U, both faces and the gutter). */
    public Rect bounds() {
        double right = unplaced != null ? unplaced.right() : rear.right();
        double bottom = unplaced != null ? Math.max(front.bottom(), unplaced.bottom()) : front.bottom();
        return new Rect(front.x(), title.y(), right - front.x(), bottom - title.y());
    }
}
