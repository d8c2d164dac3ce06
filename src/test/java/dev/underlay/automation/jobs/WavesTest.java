package dev.underlay.automation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rolling waves: by count or share, by failure domain (never two racks in one wave), split when too big. */
class WavesTest {
    private static List<Machine> machines(String... nameAtRack) {
        List<Machine> out = new ArrayList<>();
        for (String s : nameAtRack) {
            String[] p = s.split("@");
            out.add(Machine.builder(p[0]).rack(p.length > 1 ? p[1] : "").build());
        }
        return out;
    }

    private static List<List<String>> names(List<List<Machine>> waves) {
        return waves.stream().map(w -> w.stream().map(Machine::name).toList()).toList();
    }

    @Test
    void countAndShareCutTheTargetInOrder() {
        List<Machine> ms = machines("a", "b", "c", "d", "e");
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")), names(Waves.plan(ms,
                JobOptions.DEFAULTS.withWaves(WaveSize.parse("2"), "", -1, false), Inventory.empty())));
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")), names(Waves.plan(ms,
                JobOptions.DEFAULTS.withWaves(WaveSize.parse("40%"), "", -1, false), Inventory.empty())));
        assertEquals(List.of(List.of("a", "b", "c", "d", "e")), names(Waves.plan(ms, JobOptions.DEFAULTS,
                Inventory.empty())));
    }

    @Test
    void wavesByRackNeverMixTwoRacksAndSplitABigOne() {
        List<Machine> ms = machines("a@r1", "b@r2", "c@r1", "d@r1", "e@r2", "f");
        assertEquals(List.of(List.of("a", "c", "d"), List.of("b", "e"), List.of("f")), names(Waves.plan(ms,
                JobOptions.DEFAULTS.withWaves(null, "rack", -1, false), Inventory.empty())));
        assertEquals(List.of(List.of("a", "c"), List.of("d"), List.of("b", "e"), List.of("f")), names(Waves.plan(ms,
                JobOptions.DEFAULTS.withWaves(WaveSize.parse("2"), "rack", -1, false), Inventory.empty())));
    }

    @Test
    void badSizesAreRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaveSize.parse("0"));
        assertEquals("a wave is a count of hosts (1 or more) or a share from above 0% to 100%", e.getMessage());
        assertEquals(3, WaveSize.parse("25%").hosts(9));
        assertEquals("25%", WaveSize.parse("25%").toString());
    }
}
