package dev.underlay.inventory.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.inventory.Face;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.InventoryStore;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import dev.underlay.background.CurrentThreadTaskRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a timed test: filters 100,000 machines through the view model as the search box does and prints
 * the time per query (target: under 100 ms from keystroke to updated rows). Asserts only the counts.
 * Run alone with {@code mvn -o -q test -Dtest=MachineFilterBenchmarkTest}.
 */
class MachineFilterBenchmarkTest {
    static final int MACHINES = 100_000;

    /** Holds the inventory in memory; the benchmark is about filtering, not H2. */
    static final class MemoryStore implements InventoryStore {
        Inventory inv;

        MemoryStore(Inventory inv) {
            this.inv = inv;
        }

        @Override
        public Inventory load() {
            return inv;
        }

        @Override
        public void apply(InventoryChanges changes, Inventory before) {
            inv = changes.applyTo(before);
        }

        @Override
        public Optional<String> setting(String name) {
            return Optional.empty();
        }

        @Override
        public void putSetting(String name, String value) {
        }
    }

    static Inventory large() {
        Inventory.Builder b = Inventory.builder().site(new Site("dc1", ""));
        List<Machine> ms = new ArrayList<>(MACHINES);
        int racks = MACHINES / 40;
        for (int r = 0; r < racks; r++) {
            b.rack(new Rack(String.format("r%04d", r), "dc1", 42, "", r));
        }
        MachineStatus[] st = MachineStatus.values();
        for (int i = 0; i < MACHINES; i++) {
            int rack = i / 40;
            ms.add(Machine.builder(String.format("%s%06d", i % 10 == 0 ? "gpu" : "web", i)).site("dc1")
                    .placed(String.format("r%04d", rack), 1 + i % 40, 1, Face.FRONT).kind(MachineKind.BARE_METAL)
                    .address("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255))
                    .tags(i % 10 == 0 ? List.of("gpu", "compute") : List.of("web"))
                    .status(st[i % 5]).build());
        }
        return b.machines(ms).build();
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();

    /** CPU time of this thread: on a machine shared with other builds, wall time says more about them. */
    private static long cpu() {
        return CPU.getCurrentThreadCpuTime();
    }

    @Test
    void filteringOneHundredThousandMachines() {
        long t0 = System.nanoTime();
        InventoryService service = new InventoryService(new MemoryStore(large()));
        InventoryModel model = new InventoryModel(service, Runnable::run);
        long[] syncStart = {0, 0};
        long[] syncNanos = {0, 0};
        model.inventoryProperty().addListener((o, a, b) -> { // runs before the VM's listener
            syncStart[0] = System.nanoTime();
            syncStart[1] = cpu();
        });
        MachinesViewModel vm = new MachinesViewModel(model, new CurrentThreadTaskRunner(), m -> { });
        vm.comparatorProperty().set(Comparator.comparing(Machine::address)); // as if sorted by a column
        model.inventoryProperty().addListener((o, a, b) -> {
            syncNanos[0] = System.nanoTime() - syncStart[0];
            syncNanos[1] = cpu() - syncStart[1];
        });
        System.out.printf("build %,d machines + view model: %d ms%n", MACHINES, (System.nanoTime() - t0) / 1_000_000);
        String[] queries = {"g", "gp", "gpu", "gpu0000", "tag:gpu", "tag:gpu status:failed", "rack:r0001,r0002",
            "-status:failed", "name:web*1", "10.1.", ""};
        int[] expected = new int[queries.length];
        int rounds = 5;
        long[][] times = new long[queries.length][rounds];
        long[][] cpus = new long[queries.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int q = 0; q < queries.length; q++) {
                vm.queryProperty().set(q % 2 == 0 ? "name:nomatch" : "");  // start from an empty and a full table
                long s = System.nanoTime();
                long c = cpu();
                vm.queryProperty().set(queries[q]);
                vm.rows().size();
                times[q][round] = (System.nanoTime() - s) / 1_000;
                cpus[q][round] = (cpu() - c) / 1_000;
                expected[q] = vm.shownProperty().get();
            }
        }
        for (int q = 0; q < queries.length; q++) {
            long[] t = times[q].clone();
            long[] u = cpus[q].clone();
            java.util.Arrays.sort(t);
            java.util.Arrays.sort(u);
            System.out.printf("query %-24s -> %,7d rows: median %6.1f ms wall, %6.1f ms CPU (from %s table)%n",
                    "'" + queries[q] + "'", expected[q], t[rounds / 2] / 1000.0, u[rounds / 2] / 1000.0,
                    q % 2 == 0 ? "an empty" : "a full");
        }
        assertEquals(MACHINES / 10, expected[4], "tag:gpu");
        assertEquals(MACHINES, expected[queries.length - 1], "empty query shows all");
        assertEquals(MACHINES - MACHINES / 5, expected[7], "-status:failed");

        vm.queryProperty().set("tag:gpu");
        long s = System.nanoTime();
        Machine m = service.inventory().machines().get("gpu000010");
        service.updateMachine(m, m.toBuilder().address("192.168.0.1").build());
        System.out.printf("one machine edited under a filter of %,d rows: %d ms in all; updating the rows %.1f ms wall, "
                + "%.1f ms CPU%n", vm.shownProperty().get(), (System.nanoTime() - s) / 1_000_000, syncNanos[0] / 1e6,
                syncNanos[1] / 1e6);
        assertTrue(vm.rows().stream().anyMatch(x -> x.address().equals("192.168.0.1")));
    }
}
