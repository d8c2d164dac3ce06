package dev.underlay.racks;

import dev.underlay.inventory.Face;

/**
 * A point of a rack under the pointer: which rack, which part, which U.
 *
 * @param side FRONT or REAR for a face, null for the gutter of U numbers
 */
public record Slot(String rack, Face side, int u) {
    public boolean gutter() {
        return side == null;
    }
}
