package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports a generated Ansible INI inventory ({@link AnsibleScaleInventory}) into a fresh data folder, then the same
 * machines from JSON, and, when {@code -Dunderlay.scale} is given and {@code ansible-inventory} is on the PATH,
 * times {@code ansible-inventory -i FILE --list} on the same file in the same run. Small by default (a check of the
 * generator and the pipeline in every build); the figures come from
 * {@code mvn -o -q test -Dtest=AnsibleIniScaleBenchmark -Dunderlay.scale=100000} ({@code -Dunderlay.ansible=false}
 * leaves ansible-inventory out, which takes minutes at that size). Printed, never asserted.
 */
class AnsibleIniScaleBenchmark {
    /** Bound on one ansible-inventory run, so a hung Python cannot hold the build. */
    private static final long ANSIBLE_TIMEOUT_S = 900;

    @TempDir
    Path dir;

    @Test
    void generatedIniInventoryImportsAndIsTimedAgainstAnsibleInventory() throws Exception {
        String scale = System.getProperty("underlay.scale");
        int wanted = scale == null ? 2_000 : Integer.parseInt(scale);
        Path ini = dir.resolve("hosts.ini");
        int hosts = AnsibleScaleInventory.write(ini, wanted);
        Inventory imported;
        long t0;
        long t1;
        long t2;
        long cpuPlan;
        long cpuApply;
        try (Database db = Database.open(dir.resolve("ini-data"))) {
            InventoryImporter importer = new InventoryImporter(new InventoryService(new JdbcInventoryStore(db)));
            long c0 = cpuMillis();
            t0 = System.nanoTime();
            ImportPlan plan = importer.plan(ini, InventoryFormat.ANSIBLE);
            t1 = System.nanoTime();
            long c1 = cpuMillis();
            assertTrue(plan.ok(), () -> plan.problems().subList(0, Math.min(5, plan.problems().size())).toString());
            imported = importer.apply(plan);
            t2 = System.nanoTime();
            cpuPlan = c1 - c0;
            cpuApply = cpuMillis() - c1;
        }
        assertEquals(hosts, imported.machines().size());
        Path json = dir.resolve("same.json");
        new InventoryExporter().export(imported, json, InventoryFormat.JSON);
        long j0;
        long j1;
        try (Database db = Database.open(dir.resolve("json-data"))) {
            InventoryImporter importer = new InventoryImporter(new InventoryService(new JdbcInventoryStore(db)));
            j0 = System.nanoTime();
            ImportPlan plan = importer.plan(json, InventoryFormat.JSON);
            assertTrue(plan.ok(), () -> plan.problems().subList(0, Math.min(5, plan.problems().size())).toString());
            importer.apply(plan);
            j1 = System.nanoTime();
        }
        System.out.printf("ansible INI import of %,d hosts (%,d bytes, %,d profiles): plan (parse+check) %.2f s, "
                        + "apply (check+write) %.2f s, end to end %.2f s (thread CPU %.2f + %.2f s)%n", hosts,
                Files.size(ini), imported.profiles().size(), sec(t1 - t0), sec(t2 - t1), sec(t2 - t0),
                cpuPlan / 1e3, cpuApply / 1e3);
        System.out.printf("  JSON import of the same machines (%,d bytes): %.2f s; INI/JSON %.1fx%n",
                Files.size(json), sec(j1 - j0), (double) (t2 - t0) / (j1 - j0));
        if (scale != null && !"false".equals(System.getProperty("underlay.ansible"))) {
            ansibleInventory(ini, t2 - t0);
        }
        System.out.printf("  load average %.1f on %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** Times ansible-inventory on the same file when it is installed; says so when it is not. */
    private static void ansibleInventory(Path ini, long oursNanos) throws IOException, InterruptedException {
        Path exe = onPath("ansible-inventory");
        if (exe == null) {
            System.out.println("  ansible-inventory is not on the PATH: no comparison (apt-get install ansible-core)");
            return;
        }
        Process p = new ProcessBuilder(exe.toString(), "-i", ini.toString(), "--list")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long a0 = System.nanoTime();
        boolean done = p.waitFor(ANSIBLE_TIMEOUT_S, TimeUnit.SECONDS);
        long a1 = System.nanoTime();
        if (!done) {
            p.destroyForcibly();
            System.out.println("  ansible-inventory did not finish in " + ANSIBLE_TIMEOUT_S + " s");
            return;
        }
        System.out.printf("  ansible-inventory -i FILE --list (exit %d): %.2f s; ours/ansible-inventory %.3fx%n",
                p.exitValue(), sec(a1 - a0), (double) oursNanos / (a1 - a0));
    }

    private static Path onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path f = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isExecutable(f)) {
                return f;
            }
        }
        return null;
    }

    private static long cpuMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    private static double sec(long nanos) {
        return nanos / 1e9;
    }
}
