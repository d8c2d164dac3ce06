package dev.underlay.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.app.Main;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.io.ImportPlan;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.inventory.io.InventoryImporter;
import dev.underlay.lab.LabInventory;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.KnownHostsImport;
import dev.underlay.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A simulated lab in a JVM of its own ({@code underlay lab serve --base-port 0} in a {@link ChildJvm}), enrolled in
 * a data folder as {@link LabWorld} enrols an in-process one: for a benchmark of the console's views, where the
 * hosts' 1,000 SSH servers would otherwise live in the console's heap and its collections would stop the FX thread
 * as well (real hosts are elsewhere). Stopped with SIGTERM to its own PID, SIGKILL if it does not end.
 */
public final class LabProcess implements AutoCloseable {
    private final ChildJvm jvm;
    private final Path labData;
    private final Path inventoryFile;
    private List<Machine> machines = List.of();

    private LabProcess(ChildJvm jvm, Path labData, Path inventoryFile) {
        this.jvm = jvm;
        this.labData = labData;
        this.inventoryFile = inventoryFile;
    }

    /**
     * Starts n hosts (lab0001...) on free ports in a JVM of their own at {@code nice} {@code niceness} (0: ours) and
     * waits (two minutes at most) until they are served.
     */
    public static LabProcess start(int n, Path dir, int niceness, List<String> jvmOptions)
            throws IOException, InterruptedException {
        Path labData = dir.resolve("lab-process");
        Path inv = dir.resolve("lab-process.json");
        ChildJvm jvm = ChildJvm.start(Main.class, niceness, jvmOptions, List.of("--data", labData.toString(), "lab",
                "serve", "--hosts", Integer.toString(n), "--base-port", "0", "--inventory-out", inv.toString()));
        LabProcess p = new LabProcess(jvm, labData, inv);
        if (jvm.awaitLine(s -> s.startsWith("Press Ctrl-C"), 120_000) == null) {
            String out = String.join("\n", jvm.lines().stream().map(ChildJvm.Line::text).toList());
            p.close();
            throw new IOException("the lab process did not start serving:\n" + out);
        }
        return p;
    }

    /** Imports the lab's machines and its known_hosts, as the documented CLI flow does. */
    public void enrol(AppContext ctx) throws IOException {
        InventoryImporter importer = new InventoryImporter(ctx.inventory(), ctx.credentialSecrets());
        ImportPlan plan = importer.plan(inventoryFile, InventoryFormat.JSON);
        assertTrue(plan.ok(), () -> "lab inventory refused: " + plan.problems());
        importer.apply(plan);
        machines = ctx.inventory().inventory().machines().values().stream()
                .filter(m -> LabInventory.SITE.equals(m.site())).sorted(Comparator.comparing(Machine::name)).toList();
        List<Endpoint> endpoints = machines.stream().map(m -> new Endpoint(m.address(), m.sshPort())).toList();
        KnownHostsImport.Report r = KnownHostsFileImport.run(ctx.hostKeys(), labData.resolve("lab")
                .resolve("known_hosts"), endpoints);
        assertTrue(r.added() == machines.size(), () -> "known_hosts import: " + r);
    }

    /** The enrolled machines, lab0001... in name order (empty before {@link #enrol}). */
    public List<Machine> machines() {
        return machines;
    }

    /** The lab JVM's own PID. */
    public long pid() {
        return jvm.pid();
    }

    @Override
    public void close() {
        try {
            if (jvm.signal(ChildJvm.Signal.TERM)) {
                jvm.waitFor(30_000);
            }
        } catch (IOException e) {
            // it is ended below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            jvm.close();
        }
    }
}
