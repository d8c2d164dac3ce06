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
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real simulated lab on loopback and a real data folder (H2, host key store, SSH transport) that knows its hosts:
 * the lab's inventory file imported through the importer, its known_hosts through the known_hosts import, as a
 * new user would. Ports are picked at random below the ephemeral range, retried when taken (other builds share
 * this machine).
 */
public final class LabWorld implements AutoCloseable {
    private static final int LOW_PORT = 24_000;
    private static final int HIGH_PORT = 32_000;
    private static final int ATTEMPTS = 20;

    public final Lab lab;
    public final List<Machine> machines;
    public final Path labFolder;
    public final Path inventoryFile;

    private LabWorld(Lab lab, List<Machine> machines, Path labFolder, Path inventoryFile) {
        this.lab = lab;
        this.machines = machines;
        this.labFolder = labFolder;
        this.inventoryFile = inventoryFile;
    }

    /** Starts n lab hosts (lab0001...) on free consecutive ports and writes their inventory file. */
    public static LabWorld start(int n, Path dir, FaultSpec faults) throws IOException {
        Path labFolder = dir.resolve("lab-data").resolve("lab");
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(LOW_PORT, HIGH_PORT - n);
            List<Machine> machines = LabInventory.machines(n, base);
            List<LabHost> hosts = machines.stream().map(m -> LabHost.of(m, 1_700_000_000L)).toList();
            try {
                Lab lab = Lab.start(hosts, labFolder, faults);
                Path inv = dir.resolve("lab.json");
                LabInventoryWriter.write(machines, lab.clientKey(), inv);
                return new LabWorld(lab, machines, labFolder, inv);
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("in use")) {
                    throw e;
                }
                last = e;
            }
        }
        throw new IOException("no free range of " + n + " ports found in " + ATTEMPTS + " attempts", last);
    }

    public int basePort() {
        return machines.get(0).sshPort();
    }

    /** Imports the lab's machines and host keys into the data folder, as the documented CLI flow does. */
    public void enrol(AppContext ctx) throws IOException {
        InventoryImporter importer = new InventoryImporter(ctx.inventory(), ctx.credentialSecrets());
        ImportPlan plan = importer.plan(inventoryFile, InventoryFormat.JSON);
        assertTrue(plan.ok(), () -> "lab inventory refused: " + plan.problems());
        importer.apply(plan);
        List<Endpoint> endpoints = machines.stream().map(m -> new Endpoint(m.address(), m.sshPort())).toList();
        KnownHostsImport.Report r = KnownHostsFileImport.run(ctx.hostKeys(), lab.knownHosts(), endpoints);
        assertTrue(r.added() == machines.size(), () -> "known_hosts import: " + r);
    }

    @Override
    public void close() {
        lab.close();
    }
}
