package dev.underlay.racks;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Machine;

/**
 * Where one machine is drawn: a full-depth machine has a box on each face, an unplaced one a chip in a list.
 *
 * @param side  the face this box is drawn on ({@link Face#FRONT} or {@link Face#REAR}); null for an unplaced chip
 * @param rack  the rack it is drawn in or beside; empty for the site's machines without a rack
 */
public record MachineBox(Machine machine, String rack, Face side, Rect bounds) {
    public boolean unplaced() {
        return side == null;
    }
}
