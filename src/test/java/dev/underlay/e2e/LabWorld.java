package dev.underlay.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.app.AppContext;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.io.ImportPlan;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.inventory.io.InventoryImporter;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.Lab;
import dev.underlay.lab.LabHost;
import dev.underlay.lab.LabInventory;
import dev.underlay.lab.LabInventoryWriter;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.KnownHostsImport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A real simulated lab on loopback and a real data folder (H2, host key store, SSH transport) that knows its hosts:
 * the lab's inventory file imported through the importer, its known_hosts through the known_hosts import, as a
 * new user would. The hosts listen on free ports the lab asks the system for, so nothing else on the machine (the
 * console's lab, a {@code lab serve}, another build) can be in the way; {@link #machines} carry those ports.
 */
public final class LabWorld implements LabHosts {
    public final Lab lab;
    /** lab0001... in name order, each with the port its host listens on. */
    public final List<Machine> machines;
    public final Path labFolder;
    public final Path inventoryFile;

    private LabWorld(Lab lab, List<Machine> machines, Path labFolder, Path inventoryFile) {
        this.lab = lab;
        this.machines = machines;
        this.labFolder = labFolder;
        this.inventoryFile = inventoryFile;
    }

    /** Starts n lab hosts (lab0001...) on free ports and writes their inventory file. */
    public static LabWorld start(int n, Path dir, FaultSpec faults) throws IOException {
        Path labFolder = dir.resolve("lab-data").resolve("lab");
        List<Machine> planned = LabInventory.machines(n, 0);
        List<LabHost> hosts = planned.stream().map(m -> LabHost.of(m, 1_700_000_000L)).toList();
        Lab lab = Lab.start(hosts, labFolder, faults);
        try {
            List<Machine> machines = LabInventory.onPorts(planned, lab.hosts());
            Path inv = dir.resolve("lab.json");
            LabInventoryWriter.write(machines, lab.clientKey(), inv);
            return new LabWorld(lab, machines, labFolder, inv);
        } catch (IOException | RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    /** The port of the {@code i}-th host (0: lab0001). */
    public int port(int i) {
        return machines.get(i).sshPort();
    }

    /** A port on 127.0.0.1 that is none of the lab hosts' (nothing is assumed about what listens there). */
    public int portOfNoHost() {
        java.util.Set<Integer> ports = new java.util.HashSet<>();
        machines.forEach(m -> ports.add(m.sshPort()));
        int p = 1024;
        while (ports.contains(p)) {
            p++;
        }
        return p;
    }

    @Override
    public List<Machine> machines() {
        return machines;
    }

    @Override
    public void enrol(AppContext ctx) throws IOException {
        importInventory(ctx, inventoryFile);
        importKnownHosts(ctx, lab.knownHosts(), machines);
    }

    /** Imports a lab's inventory file through the importer (asserting it is accepted). */
    static void importInventory(AppContext ctx, Path inventoryFile) throws IOException {
        InventoryImporter importer = new InventoryImporter(ctx.inventory(), ctx.credentialSecrets());
        ImportPlan plan = importer.plan(inventoryFile, InventoryFormat.JSON);
        assertTrue(plan.ok(), () -> "lab inventory refused: " + plan.problems());
        importer.apply(plan);
    }

    /** Imports the host keys of {@code machines} from a lab's known_hosts file (asserting each one is added). */
    static void importKnownHosts(AppContext ctx, Path knownHosts, List<Machine> machines) throws IOException {
        List<Endpoint> endpoints = machines.stream().map(m -> new Endpoint(m.address(), m.sshPort())).toList();
        KnownHostsImport.Report r = KnownHostsFileImport.run(ctx.hostKeys(), knownHosts, endpoints);
        assertTrue(r.added() == machines.size(), () -> "known_hosts import: " + r);
    }

    @Override
    public void close() {
        lab.close();
    }
}
