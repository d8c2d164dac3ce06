package dev.underlay.racks;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.Rack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Racks area shows of one site, read from one inventory snapshot: its racks in row and position order, each
 * with its machines, and the site's machines that have no rack yet (cloud instances never sit in a rack and are left
 * out). Immutable and toolkit-free.
 *
 * @param inventory the snapshot it was read from: a move is checked and saved against the machines as read here
 * @param unplaced  machines of the site without a rack, by name
 */
public record SiteElevation(String site, Inventory inventory, List<RackColumn> racks, List<Machine> unplaced) {
    /** Rack order on the floor: row, then position in the row, then name. */
    public static final Comparator<Rack> FLOOR_ORDER = Comparator.comparing(Rack::row)
            .thenComparingInt(Rack::position).thenComparing(Rack::name);

    public SiteElevation {
        racks = List.copyOf(racks);
        unplaced = List.copyOf(unplaced);
    }

    /** The elevation of {@code site} in {@code inv}; an unknown site gives an empty one. */
    public static SiteElevation of(Inventory inv, String site) {
        List<Rack> racks = inv.racks().values().stream().filter(r -> r.site().equals(site))
                .sorted(FLOOR_ORDER).toList();
        Map<String, List<Machine>> byRack = new HashMap<>();
        List<Machine> loose = new ArrayList<>();
        for (Rack r : racks) {
            byRack.put(r.name(), inv.machinesInRack(r.name()));
        }
        for (Machine m : inv.machines().values()) {
            if (m.rack().isEmpty() && m.site().equals(site) && m.kind() != MachineKind.CLOUD) {
                loose.add(m);
            }
        }
        List<RackColumn> columns = new ArrayList<>(racks.size());
        for (Rack r : racks) {
            List<Machine> placed = new ArrayList<>();
            List<Machine> unplaced = new ArrayList<>();
            for (Machine m : byRack.get(r.name())) {
                (m.uPosition() == null ? unplaced : placed).add(m);
            }
            unplaced.sort(Comparator.comparing(Machine::name));
            columns.add(new RackColumn(r, placed, unplaced));
        }
        return new SiteElevation(site, inv, columns, loose);
    }

    /** Sites worth a Racks tab: those with racks first (name order), then those with none. */
    public static List<String> sites(Inventory inv) {
        List<String> withRacks = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (String s : inv.sites().keySet()) {
            (inv.racks().values().stream().anyMatch(r -> r.site().equals(s)) ? withRacks : without).add(s);
        }
        withRacks.addAll(without);
        return withRacks;
    }

    /** Every machine shown: placed, unplaced beside a rack, and without a rack. */
    public List<Machine> machines() {
        List<Machine> all = new ArrayList<>();
        for (RackColumn c : racks) {
            all.addAll(c.placed());
            all.addAll(c.unplaced());
        }
        all.addAll(unplaced);
        return all;
    }

    /** The machine as this elevation read it, or null when it does not show it. */
    public Machine machine(String name) {
        Machine m = inventory.machines().get(name);
        return m != null && machines().contains(m) ? m : null;
    }
}
