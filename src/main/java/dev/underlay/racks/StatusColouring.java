package dev.underlay.racks;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Colours machines by lifecycle status: green in use, red failed, amber in maintenance; the legend lists them all. */
public final class StatusColouring implements MachineColouring {
    private static final Map<MachineStatus, LegendEntry> ENTRIES = new EnumMap<>(MachineStatus.class);

    static {
        put(MachineStatus.NEW, 0x8fa7c9);
        put(MachineStatus.READY, 0x3fa7b5);
        put(MachineStatus.IN_USE, 0x3d9a50);
        put(MachineStatus.MAINTENANCE, 0xe0a526);
        put(MachineStatus.FAILED, 0xd1453b);
        put(MachineStatus.RETIRED, 0x8c8c8c);
    }

    private static void put(MachineStatus s, int rgb) {
        ENTRIES.put(s, new LegendEntry(s.id(), Swatch.of(rgb)));
    }

    @Override
    public String id() {
        return "status";
    }

    @Override
    public String title() {
        return "Status";
    }

    @Override
    public LegendEntry entryFor(Machine m, Inventory inventory) {
        return ENTRIES.get(m.status());
    }

    @Override
    public List<LegendEntry> legend(Inventory inventory, Collection<Machine> shown) {
        return Arrays.stream(MachineStatus.values()).map(ENTRIES::get).toList();
    }
}
