package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryBuilderTest {
    private final Inventory demo = DemoInventory.changes(Path.of("/k")).applyTo(Inventory.empty());

    @Test
    void machinesGivenInNameOrderOrNotGiveTheSameSnapshot() {
        List<Machine> sorted = new ArrayList<>(demo.machines().values());
        sorted.sort(Comparator.comparing(Machine::name));
        List<Machine> shuffled = new ArrayList<>(sorted);
        Collections.reverse(shuffled);
        Inventory fromSorted = Inventory.builder().machines(sorted).build();
        Inventory fromShuffled = Inventory.builder().machines(shuffled).build();
        assertEquals(fromShuffled.machines(), fromSorted.machines());
        assertEquals(List.copyOf(fromShuffled.machines().keySet()), List.copyOf(fromSorted.machines().keySet()));
        assertEquals(sorted.get(3), fromSorted.machines().get(sorted.get(3).name()));
    }

    @Test
    void aDuplicateNameKeepsTheLastMachineAsBefore() {
        Machine first = demo.machines().values().iterator().next();
        Machine again = first.toBuilder().address("10.9.9.9").build();
        Inventory inv = Inventory.builder().machines(List.of(first, again)).build();
        assertEquals(1, inv.machines().size());
        assertEquals("10.9.9.9", inv.machines().get(first.name()).address());
    }
}
