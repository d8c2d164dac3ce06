package dev.underlay.racks;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Machine;
import java.util.Objects;

/**
 * Where a machine is mounted: its rack, lowest U and face. A machine without a rack has {@code rack} empty and no U;
 * one in a rack without a U is "unplaced beside its rack".
 *
 * @param u the lowest U the machine takes, or null when it has none
 */
public record Placement(String rack, Integer u, Face face) {
    public Placement {
        rack = rack == null ? "" : rack;
        Objects.requireNonNull(face, "face");
    }

    /** Where {@code m} is now. */
    public static Placement of(Machine m) {
        return new Placement(m.rack(), m.uPosition(), m.face());
    }

    /** {@code m} at this placement, everything else as it was. */
    public Machine applyTo(Machine m) {
        return m.toBuilder().rack(rack).uPosition(u).face(face).build();
    }

    /** Where a move takes a machine from or to, for its message: as {@link #describe}; "the unplaced list" for none. */
    public String where(int height) {
        return rack.isEmpty() ? "the unplaced list" : describe(height);
    }

    /** "fra1-r02 U7-U8 front", "fra1-r02 (no U)" or "no rack", for messages. */
    public String describe(int height) {
        if (rack.isEmpty()) {
            return "no rack";
        }
        if (u == null) {
            return rack + " (no U)";
        }
        String range = height <= 1 ? "U" + u : "U" + u + "-U" + (u + height - 1);
        return rack + " " + range + " " + face;
    }
}
