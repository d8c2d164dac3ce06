package dev.underlay.racks;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Rack;
import java.util.List;

/**
 * One rack of an elevation: the machines mounted at a U (bottom first) and those in the rack without one.
 *
 * @param placed   machines with a U, in U order (full-depth ones once: the layout draws them on both faces)
 * @param unplaced machines that name this rack but have no U: listed beside it
 */
public record RackColumn(Rack rack, List<Machine> placed, List<Machine> unplaced) {
    public RackColumn {
        placed = List.copyOf(placed);
        unplaced = List.copyOf(unplaced);
    }
}
