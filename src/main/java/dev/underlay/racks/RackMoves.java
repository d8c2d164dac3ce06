package dev.underlay.racks;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryRules;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import dev.underlay.inventory.Violation;
import java.util.List;

/**
 * Moves machines between U positions, faces and racks, under the inventory's own rules. {@link #check} answers while
 * a machine is dragged (on the FX thread, once per pointer move): it runs {@link InventoryRules#validateMachines} on
 * a slice of the snapshot holding the target rack, its machines and everything a machine's fields refer to (sites,
 * profiles, credentials, param definitions), so it costs what one rack costs, not what the inventory does, and
 * says what the service would say. {@link #move} saves
 * through {@link InventoryService#updateMachine}, which checks again against the current snapshot and refuses a
 * machine changed since the view read it.
 */
public final class RackMoves {
    private final InventoryService service;

    public RackMoves(InventoryService service) {
        this.service = service;
    }

    /** Whether {@code read} (as read in {@code inv}) may move to {@code to}; pure, writes nothing. */
    public static MoveCheck check(Inventory inv, Machine read, Placement to) {
        Machine moved = moved(inv, read, to);
        Inventory.Builder slice = Inventory.builder();
        // what the rules look up for one machine: its site, its rack and that rack's site, its profiles,
        // credential and param definitions, and the rack's other machines for the overlaps
        Rack rack = inv.racks().get(to.rack());
        if (rack != null) {
            slice.rack(rack);
            site(inv, slice, rack.site());
        }
        site(inv, slice, moved.site());
        inv.profiles().values().forEach(slice::profile);
        inv.paramDefinitions().values().forEach(slice::paramDefinition);
        inv.credentials().values().forEach(slice::credential);
        if (!to.rack().isEmpty()) {
            for (Machine m : inv.machinesInRack(to.rack())) {
                if (!m.name().equals(read.name())) {
                    slice.machine(m);
                }
            }
        }
        slice.machine(moved);
        List<Violation> v = InventoryRules.validateMachines(slice.build(), List.of(moved));
        return new MoveCheck(read, to, v);
    }

    /**
     * {@code read} at {@code to}. Taken out of its rack (no rack: the site's unplaced list), a machine stays in its
     * site: one that named no site of its own takes its rack's, so it stays in that site's elevation.
     */
    static Machine moved(Inventory inv, Machine read, Placement to) {
        Machine moved = to.applyTo(read);
        if (to.rack().isEmpty() && read.site().isEmpty() && !read.rack().isEmpty()) {
            Rack was = inv.racks().get(read.rack());
            if (was != null) {
                moved = moved.toBuilder().site(was.site()).build();
            }
        }
        return moved;
    }

    private static void site(Inventory inv, Inventory.Builder slice, String name) {
        Site s = inv.sites().get(name);
        if (s != null) {
            slice.site(s);
        }
    }

    /**
     * Saves the move of {@code read} (the machine as the view read it) to {@code to}; blocking, on a worker.
     *
     * @return the machine as stored
     * @throws dev.underlay.inventory.InventoryValidationException when a rule refuses it or the machine changed
     *                                                             since it was read; nothing is written then
     */
    public Machine move(Machine read, Placement to) {
        Machine moved = moved(service.inventory(), read, to);
        return service.updateMachine(read, moved).machines().get(moved.name());
    }

    /** The current snapshot (for undo, which moves a machine back from where it is now). */
    public Inventory inventory() {
        return service.inventory();
    }
}
