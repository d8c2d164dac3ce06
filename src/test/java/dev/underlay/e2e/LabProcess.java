package dev.underlay.e2e;

import dev.underlay.app.AppContext;
import dev.underlay.app.Main;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.LabInventory;
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
public final class LabProcess implements LabHosts {
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

    /** The machines come from the data folder once imported: the ports the lab took are in its inventory file. */
    @Override
    public void enrol(AppContext ctx) throws IOException {
        LabWorld.importInventory(ctx, inventoryFile);
        machines = ctx.inventory().inventory().machines().values().stream()
                .filter(m -> LabInventory.SITE.equals(m.site())).sorted(Comparator.comparing(Machine::name)).toList();
        LabWorld.importKnownHosts(ctx, labData.resolve("lab").resolve("known_hosts"), machines);
    }

    /** The enrolled machines, lab0001... in name order (empty before {@link #enrol}). */
    @Override
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
