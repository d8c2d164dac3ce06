package dev.underlay.racks;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Machine;
import java.util.ArrayList;
import java.util.List;

/**
 * The racks of a site in one line, in floor order, each drawn as its front face, the U numbers, and its rear face
 * side by side (as a technician compares them walking round the rack), its machines without a U listed to its
 * right, and the site's machines without a rack in a list on the left (drawn even when empty, as long as the site has
 * racks: dropping a machine there takes it out of its rack).
 */
public final class SideBySideLayout implements ElevationLayout {
    /** Height of one U. */
    public static final double U_PX = 16;
    /** Width of one face. */
    public static final double FACE_W = 150;
    /** Width of the U numbers between the faces. */
    public static final double GUTTER_W = 28;
    /** Height of a chip in an unplaced list. */
    public static final double CHIP_H = 20;
    static final double MARGIN = 16;
    static final double TITLE_H = 30;
    static final double RACK_GAP = 36;
    static final double LIST_W = 150;
    static final double LIST_GAP = 10;
    static final double LIST_HEADER = 20;
    static final double CHIP_GAP = 3;

    @Override
    public ElevationGeometry layout(SiteElevation e) {
        List<RackFrame> frames = new ArrayList<>(e.racks().size());
        List<MachineBox> boxes = new ArrayList<>(e.racks().size() * 24);
        double x = MARGIN;
        double top = MARGIN + TITLE_H;
        double bottom = top;
        Rect site = null;
        if (!e.unplaced().isEmpty() || !e.racks().isEmpty()) { // empty, it is where a machine is dropped to un-rack it
            site = list(boxes, "", e.unplaced(), x, top);
            bottom = Math.max(bottom, site.bottom());
            x = site.right() + RACK_GAP;
        }
        for (RackColumn c : e.racks()) {
            double faceH = c.rack().heightU() * U_PX;
            Rect title = new Rect(x, MARGIN, 2 * FACE_W + GUTTER_W, TITLE_H);
            Rect front = new Rect(x, top, FACE_W, faceH);
            Rect gutter = new Rect(front.right(), top, GUTTER_W, faceH);
            Rect rear = new Rect(gutter.right(), top, FACE_W, faceH);
            Rect loose = null;
            if (!c.unplaced().isEmpty()) {
                loose = list(boxes, c.rack().name(), c.unplaced(), rear.right() + LIST_GAP, top);
            }
            RackFrame f = new RackFrame(c.rack(), title, front, gutter, rear, loose, U_PX);
            frames.add(f);
            for (Machine m : c.placed()) {
                if (m.face() != Face.REAR) {
                    boxes.add(box(f, m, Face.FRONT));
                }
                if (m.face() != Face.FRONT) {
                    boxes.add(box(f, m, Face.REAR));
                }
            }
            bottom = Math.max(bottom, Math.max(front.bottom(), loose == null ? 0 : loose.bottom()));
            x = (loose != null ? loose.right() : rear.right()) + RACK_GAP;
        }
        return new ElevationGeometry(e, Math.max(x - RACK_GAP + MARGIN, 2 * MARGIN), bottom + MARGIN, frames,
                boxes, site);
    }

    private static MachineBox box(RackFrame f, Machine m, Face side) {
        Rect face = f.face(side);
        // a machine reaching past the rack's top (refused by the rules, but possible in old data) is clipped
        int top = Math.min(m.topU(), f.rack().heightU());
        int bottomU = Math.max(1, Math.min(m.uPosition(), top));
        Rect r = f.rows(face, bottomU, top);
        return new MachineBox(m, f.rack().name(), side, new Rect(r.x() + 1, r.y() + 1, r.w() - 2, r.h() - 2));
    }

    /** A list of chips under a header; returns the list's area. */
    private static Rect list(List<MachineBox> boxes, String rack, List<Machine> machines, double x, double y) {
        double cy = y + LIST_HEADER;
        for (Machine m : machines) {
            boxes.add(new MachineBox(m, rack, null, new Rect(x + 4, cy, LIST_W - 8, CHIP_H)));
            cy += CHIP_H + CHIP_GAP;
        }
        return new Rect(x, y, LIST_W, cy - y + 4);
    }
}
