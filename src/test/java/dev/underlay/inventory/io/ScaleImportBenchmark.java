package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports a generated inventory from JSON into an empty database and prints how long each step took. Small by
 * default (a correctness check of the generator and the pipeline); the figure that matters comes from
 * {@code mvn -o -q test -Dtest=ScaleImportBenchmark -Dunderlay.scale=100000}. Times are printed, never asserted.
 */
class ScaleImportBenchmark {
    @TempDir
    Path dir;

    @Test
    void generatedInventoryImportsFromJsonIntoAnEmptyDatabase() throws IOException {
        int n = Integer.getInteger("underlay.scale", 2_000);
        Inventory generated = ScaleInventory.of(n);
        Path file = dir.resolve("scale.json");
        long t0 = System.nanoTime();
        new InventoryExporter().export(generated, file, InventoryFormat.JSON);
        long t1 = System.nanoTime();
        try (Database db = Database.open(dir.resolve("data"))) {
            long t2 = System.nanoTime();
            long c2 = cpuMillis();
            long g2 = gcMillis();
            InventoryService service = new InventoryService(new JdbcInventoryStore(db));
            InventoryImporter importer = new InventoryImporter(service);
            ImportPlan plan = importer.plan(file, InventoryFormat.JSON);
            long t3 = System.nanoTime();
            long c3 = cpuMillis();
            assertTrue(plan.ok(), () -> plan.problems().subList(0, Math.min(5, plan.problems().size())).toString());
            importer.apply(plan);
            long t4 = System.nanoTime();
            long c4 = cpuMillis();
            long g4 = gcMillis();
            assertEquals(n, service.inventory().machines().size());
            Inventory reloaded = new InventoryService(new JdbcInventoryStore(db)).inventory();
            long t5 = System.nanoTime();
            assertEquals(generated.machines(), reloaded.machines());
            System.out.printf("scale import of %,d machines (%,d bytes JSON): export %.2f s, plan (parse+check) "
                            + "%.2f s, apply (check+write) %.2f s, import end to end %.2f s; reload %.2f s%n", n,
                    Files.size(file), sec(t1 - t0), sec(t3 - t2), sec(t4 - t3), sec(t4 - t2), sec(t5 - t4));
            System.out.printf("  importing thread CPU: plan %.2f s, apply %.2f s; GC during import %.2f s; "
                    + "load average %.1f on %d cores%n", (c3 - c2) / 1e3, (c4 - c3) / 1e3, (g4 - g2) / 1e3,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static long cpuMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
