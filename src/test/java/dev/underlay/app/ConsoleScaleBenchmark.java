package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.bench.CpuMeter;
import dev.underlay.db.Database;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.MachineQuery;
import dev.underlay.inventory.io.ScaleInventory;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

/**
 * The console at scale: opens on a data folder of N machines, then filters from the search box. Prints figures,
 * asserts only counts. Small by default (runs in every build as a smoke test); the real figures come from
 * {@code mvn -o -q test -Dtest=ConsoleScaleBenchmark -Dunderlay.scale=100000} (see docs/benchmarks.md).
 */
class ConsoleScaleBenchmark extends ConsoleFxTest {
    @Test
    void consoleOpensOnALargeInventoryAndFiltersFromTheSearchBox() throws Exception {
        int n = Integer.getInteger("underlay.scale", 2_000);
        String[] queries = {"rack:rack00001,rack00002", "tag:db", "name:m001*", "-tag:db", "10.1.", "param:role=db",
            "-param:ntp=10.0.0.*", "all"};
        Map<String, Integer> expected = new HashMap<>();
        fill(dir, n, queries, expected);
        // the generated inventory is gone now: a console process would not hold a second copy of it, and with it
        // the open's garbage collections would copy 100,000 extra machines
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long t0 = System.nanoTime();
        double cpu0 = CpuMeter.processCpu();
        Map<String, Double> threads0 = CpuMeter.threadCpu(ConsoleScaleBenchmark::kind);
        app = console.start(dir);
        ConsoleFx.waitFor(() -> ConsoleFx.fx(() -> app.context() != null));
        double windowSeconds = (System.nanoTime() - t0) / 1e9;
        TableView<?> table = console.robot.lookup("#machine-table").queryAs(TableView.class);
        ConsoleFx.waitFor(() -> ConsoleFx.fx(() -> table.getItems().size() == n));
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        double openCpuSeconds = CpuMeter.processCpu() - cpu0;
        String openCpuByThread = byKind(threads0, CpuMeter.threadCpu(ConsoleScaleBenchmark::kind), openCpuSeconds);
        long heap = usedHeapAfterGc();

        TextField search = console.robot.lookup("#machine-search").queryAs(TextField.class);
        StringBuilder report = new StringBuilder();
        for (String q : queries) {
            List<long[]> times = new ArrayList<>();
            int shown = 0;
            for (int rep = 0; rep < 5; rep++) {
                boolean all = MachineQuery.parse(q).matchesAll();
                type(table, search, "", !all); // from the full table each time
                times.add(type(table, search, q, !all));
                shown = ConsoleFx.fx(() -> table.getItems().size());
            }
            times.sort(Comparator.comparingLong(t -> t[0]));
            assertEquals(expected.get(q), shown, q);
            report.append(String.format("  filter %-26s -> %,7d rows: median %5.1f ms (min %5.1f, max %5.1f); "
                            + "of the median: rows in %4.1f ms, CSS and layout %4.1f ms%n", q, shown,
                    times.get(2)[0] / 1e6, times.get(0)[0] / 1e6, times.get(4)[0] / 1e6, times.get(2)[1] / 1e6,
                    times.get(2)[2] / 1e6));
        }
        System.out.printf("console at %,d machines: window with data folder open %.2f s, full table %.2f s "
                        + "(%.2f s of CPU on both cores:%s), heap after GC %,d MB, load average %.1f%n%s", n,
                windowSeconds, openSeconds, openCpuSeconds, openCpuByThread, heap / (1024 * 1024),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), report);
    }

    /** The benchmark's thread kinds: the JVM's (jit, gc, other), the FX thread, the data folder's readers. */
    private static String kind(String thread) {
        // /proc keeps the first 15 characters of a thread's name: "JavaFX Applicat", "underlay-open-1"
        if (thread.equals("Event Thread") || thread.startsWith("JavaFX Applicat")) {
            return "fx";
        }
        if (thread.startsWith("underlay-open") || thread.startsWith("ForkJoinPool")) {
            return "load";
        }
        return thread.equals("VM Thread") ? "gc" : CpuMeter.jvmKind(thread);
    }

    /**
     * " gc 0.6 s jit 0.8 s ...": CPU between two {@link CpuMeter#threadCpu} snapshots by kind of thread, and what
     * threads that ended meanwhile used (the process's CPU less the rest): the data folder's reader is one of them.
     */
    private static String byKind(Map<String, Double> before, Map<String, Double> after, double processCpu) {
        StringBuilder b = new StringBuilder();
        double[] listed = {0};
        CpuMeter.byKind(before, after).forEach((k, v) -> {
            b.append(String.format(" %s %.2f s", k, v));
            listed[0] += v;
        });
        return b.append(String.format(" ended threads %.2f s", Math.max(0, processCpu - listed[0]))).toString();
    }

    /** Writes n generated machines into the data folder and notes how many each query selects. */
    private static void fill(Path dir, int n, String[] queries, Map<String, Integer> expected) {
        Inventory generated = ScaleInventory.of(n);
        try (Database db = Database.open(dir)) {
            InventoryChanges ch = new InventoryChanges();
            ch.sites.addAll(generated.sites().values());
            ch.racks.addAll(generated.racks().values());
            ch.profiles.addAll(generated.profiles().values());
            ch.machines.addAll(generated.machines().values());
            new InventoryService(new JdbcInventoryStore(db)).apply(ch);
        }
        for (String q : queries) {
            expected.put(q, MachineQuery.parse(q).select(generated).size());
        }
    }

    /**
     * Sets the search text as a keystroke does and waits for the table to show the result. The rows are computed on
     * a worker, so the time runs from the keystroke to the end of the first layout pulse after the table's items
     * were replaced. Returns that time, the time until the items were replaced, and how long that pulse's CSS and
     * layout took, in nanoseconds. A query that leaves the rows as they are ("all" after an empty box) replaces
     * nothing: its time ends with the first layout pulse.
     */
    private static long[] type(TableView<?> table, TextField search, String text, boolean rowsChange)
            throws Exception {
        if (ConsoleFx.fx(() -> search.getText().equals(text))) {
            return new long[3]; // no keystroke, no change
        }
        long[] at = new long[4]; // keystroke, items replaced, pulse started, laid out
        Runnable beforeLayout = () -> {
            if ((at[1] != 0 || !rowsChange) && at[2] == 0) {
                at[2] = System.nanoTime();
            }
        };
        Runnable afterLayout = () -> {
            if (at[2] != 0 && at[3] == 0) {
                at[3] = System.nanoTime();
            }
        };
        InvalidationListener replaced = o -> at[1] = System.nanoTime();
        Scene scene = ConsoleFx.fx(table::getScene);
        ConsoleFx.fx(() -> {
            scene.addPreLayoutPulseListener(beforeLayout);
            scene.addPostLayoutPulseListener(afterLayout);
            table.itemsProperty().addListener(replaced);
            at[0] = System.nanoTime();
            search.setText(text);
            return null;
        });
        ConsoleFx.waitFor(() -> ConsoleFx.fx(() -> at[3] != 0));
        ConsoleFx.fx(() -> {
            scene.removePreLayoutPulseListener(beforeLayout);
            scene.removePostLayoutPulseListener(afterLayout);
            table.itemsProperty().removeListener(replaced);
            return null;
        });
        return new long[] {at[3] - at[0], at[1] == 0 ? 0 : at[1] - at[0], at[3] - at[2]};
    }

    /** CPU time of the whole test JVM: on a box shared with other builds, it says what opening costs. */
    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
