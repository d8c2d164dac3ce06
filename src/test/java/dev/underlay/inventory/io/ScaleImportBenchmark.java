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
            long a2 = allocated();
            long p2 = processCpuMillis();
            long v2 = vmThreadCpuMillis();
            InventoryService service = new InventoryService(new JdbcInventoryStore(db));
            InventoryImporter importer = new InventoryImporter(service);
            ImportPlan plan = importer.plan(file, InventoryFormat.JSON);
            long t3 = System.nanoTime();
            long c3 = cpuMillis();
            long g3 = gcMillis();
            long a3 = allocated();
            long p3 = processCpuMillis();
            long v3 = vmThreadCpuMillis();
            assertTrue(plan.ok(), () -> plan.problems().subList(0, Math.min(5, plan.problems().size())).toString());
            importer.apply(plan);
            long t4 = System.nanoTime();
            long c4 = cpuMillis();
            long g4 = gcMillis();
            long a4 = allocated();
            long p4 = processCpuMillis();
            long v4 = vmThreadCpuMillis();
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
            System.out.printf("  per phase, plan / apply: importing thread allocated %.0f / %.0f MB; GC %.2f / %.2f s; "
                    + "process CPU (all threads: JIT, GC, H2's writer) %.2f / %.2f s; VM thread CPU (the serial GC's) "
                    + "%.2f / %.2f s%n", (a3 - a2) / 1e6, (a4 - a3) / 1e6, (g3 - g2) / 1e3, (g4 - g3) / 1e3,
                    (p3 - p2) / 1e3, (p4 - p3) / 1e3, (v3 - v2) / 1e3, (v4 - v3) / 1e3);
        }
    }

    private static long cpuMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    /** Bytes the current thread has allocated so far (HotSpot's counter; -1 where the JVM has none). */
    private static long allocated() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                ? t.getCurrentThreadAllocatedBytes() : -1;
    }

    private static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean o
                ? o.getProcessCpuTime() / 1_000_000 : -1;
    }

    /**
     * CPU of the JVM's "VM Thread" from /proc (Linux; -1 elsewhere): with the serial collector the console runs
     * with, that thread does the collections, so this is GC CPU where the MXBean's collection time is wall time.
     */
    private static long vmThreadCpuMillis() {
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(t.resolve("comm")).strip().equals("VM Thread")) {
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                }
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
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
