package dev.underlay.racks;

import dev.underlay.inventory.Face;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A laid-out elevation: every rack's frame and every machine's box, in layout units, with the hit tests the canvas
 * asks on each pointer event. Boxes are kept per rack, so a hit looks at one rack's boxes, not the site's.
 */
public final class ElevationGeometry {
    private final SiteElevation elevation;
    private final double width;
    private final double height;
    private final List<RackFrame> frames;
    private final List<MachineBox> boxes;
    private final Rect siteUnplaced;
    private final Map<String, List<MachineBox>> byRack = new HashMap<>();

    public ElevationGeometry(SiteElevation elevation, double width, double height, List<RackFrame> frames,
                             List<MachineBox> boxes, Rect siteUnplaced) {
        this.elevation = elevation;
        this.width = width;
        this.height = height;
        this.frames = List.copyOf(frames);
        this.boxes = List.copyOf(boxes);
        this.siteUnplaced = siteUnplaced;
        for (MachineBox b : this.boxes) {
            byRack.computeIfAbsent(b.rack(), k -> new ArrayList<>()).add(b);
        }
    }

    public SiteElevation elevation() {
        return elevation;
    }

    /** Width of the whole elevation in layout units. */
    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public List<RackFrame> frames() {
        return frames;
    }

    /** Every box, in drawing order. */
    public List<MachineBox> boxes() {
        return boxes;
    }

    /** The list of the site's machines without a rack, or null. */
    public Rect siteUnplaced() {
        return siteUnplaced;
    }

    /** The frame of the named rack, or null. */
    public RackFrame frame(String rack) {
        for (RackFrame f : frames) {
            if (f.rack().name().equals(rack)) {
                return f;
            }
        }
        return null;
    }

    /** The frame whose bounds hold the point, or null (a binary search: frames are laid out left to right). */
    public RackFrame frameAt(double x, double y) {
        int lo = 0;
        int hi = frames.size() - 1;
        while (lo <= hi) { // bounded: halves each turn
            int mid = (lo + hi) >>> 1;
            Rect b = frames.get(mid).bounds();
            if (x < b.x()) {
                hi = mid - 1;
            } else if (x >= b.right()) {
                lo = mid + 1;
            } else {
                return b.contains(x, y) ? frames.get(mid) : null;
            }
        }
        return null;
    }

    /** The box under the point, or null. */
    public MachineBox boxAt(double x, double y) {
        RackFrame f = frameAt(x, y);
        List<MachineBox> candidates = f != null ? byRack().getOrDefault(f.rack().name(), List.of())
                : siteUnplaced != null && siteUnplaced.contains(x, y) ? byRack().getOrDefault("", List.of())
                : List.of();
        for (MachineBox b : candidates) {
            if (b.bounds().contains(x, y)) {
                return b;
            }
        }
        return null;
    }

    /** The rack part and U under the point: a face or the gutter of U numbers; null elsewhere. */
    public Slot slotAt(double x, double y) {
        RackFrame f = frameAt(x, y);
        if (f == null || y < f.front().y() || y >= f.front().bottom()) {
            return null;
        }
        int u = f.uAt(y);
        if (f.front().contains(x, y)) {
            return new Slot(f.rack().name(), Face.FRONT, u);
        }
        if (f.rear().contains(x, y)) {
            return new Slot(f.rack().name(), Face.REAR, u);
        }
        if (f.gutter().contains(x, y)) {
            return new Slot(f.rack().name(), null, u);
        }
        return null;
    }

    /** Names of the machines with a box touching {@code area}, in drawing order. */
    public Set<String> machinesIn(Rect area) {
        Set<String> out = new LinkedHashSet<>();
        for (MachineBox b : boxes) {
            if (b.bounds().intersects(area)) {
                out.add(b.machine().name());
            }
        }
        return out;
    }

    /** The boxes of one machine (two for a full-depth one). */
    public List<MachineBox> boxesOf(String machine) {
        List<MachineBox> out = new ArrayList<>(2);
        for (MachineBox b : boxes) {
            if (b.machine().name().equals(machine)) {
                out.add(b);
            }
        }
        return out;
    }

    private Map<String, List<MachineBox>> byRack() {
        return byRack;
    }
}
