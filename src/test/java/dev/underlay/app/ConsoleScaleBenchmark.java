package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.Collections;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The console at scale: opens on a data folder of N machines, then filters from the search box. Prints figures,
 * asserts only counts. Small by default (runs in every build as a smoke test); the real figures come from
 * {@code mvn -o -q test -Dtest=ConsoleScaleBenchmark -Dunderlay.scale=100000} (see docs/benchmarks.md).
 */
class ConsoleScaleBenchmark {
    @TempDir
    Path dir;
    final ConsoleFx console = new ConsoleFx();
    UnderlayApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            console.stop(app);
        }
    }

    @Test
    void consoleOpensOnALargeInventoryAndFiltersFromTheSearchBox() throws Exception {
        int n = Integer.getInteger("underlay.scale", 2_000);
        Inventory generated = ScaleInventory.of(n);
        try (Database db = Database.open(dir)) {
            InventoryChanges ch = new InventoryChanges();
            ch.sites.addAll(generated.sites().values());
            ch.racks.addAll(generated.racks().values());
            ch.profiles.addAll(generated.profiles().values());
            ch.machines.addAll(generated.machines().values());
            new InventoryService(new JdbcInventoryStore(db)).apply(ch);
        }
        System.gc();
        long t0 = System.nanoTime();
        app = console.start(dir);
        ConsoleFx.waitFor(() -> ConsoleFx.fx(() -> app.context() != null));
        double windowSeconds = (System.nanoTime() - t0) / 1e9;
        TableView<?> table = console.robot.lookup("#machine-table").queryAs(TableView.class);
        ConsoleFx.waitFor(() -> ConsoleFx.fx(() -> table.getItems().size() == n));
        double openSeconds = (System.nanoTime() - t0) / 1e9;
        long heap = usedHeapAfterGc();

        TextField search = console.robot.lookup("#machine-search").queryAs(TextField.class);
        String[] queries = {"rack:rack00001,rack00002", "tag:db", "name:m001*", "-tag:db", "10.1.", "all"};
        StringBuilder report = new StringBuilder();
        for (int i = 0; i < queries.length; i++) {
            String q = queries[i];
            List<Long> times = new ArrayList<>();
            int[] shown = new int[1];
            for (int rep = 0; rep < 5; rep++) {
                ConsoleFx.fx(() -> {
                    search.setText("");
                    table.layout();
                    return null;
                });
                times.add(ConsoleFx.fx(() -> {
                    long s = System.nanoTime();
                    search.setText(q); // what a keystroke does: the predicate is applied synchronously
                    table.applyCss();
                    table.layout(); // the table's visible rows are rebuilt for the new items
                    shown[0] = table.getItems().size();
                    return System.nanoTime() - s;
                }));
            }
            Collections.sort(times);
            assertEquals(MachineQuery.parse(q).select(generated).size(), shown[0], q);
            report.append(String.format("  filter %-26s -> %,7d rows: median %.1f ms (min %.1f, max %.1f)%n", q,
                    shown[0], times.get(2) / 1e6, times.get(0) / 1e6, times.get(4) / 1e6));
        }
        System.out.printf("console at %,d machines: window with data folder open %.2f s, full table %.2f s, "
                        + "heap after GC %,d MB, load average %.1f%n%s", n, windowSeconds, openSeconds,
                heap / (1024 * 1024),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), report);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
