package dev.underlay.lab;

import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.shell.HostIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One simulated host: the inventory machine's name, the loopback port it answers on (0: a free port the lab asks
 * the system for, see {@link Lab}), and the identity it reports.
 *
 * @param kubelet whether the host runs a kubelet unit (machines tagged {@code k8s} or with a {@code k8s-*} profile)
 */
public record LabHost(String name, int port, HostIdentity identity, boolean kubelet) {
    public LabHost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identity, "identity");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("lab host " + name + " has SSH port " + port
                    + " (expected 1-65535, or 0 for a free one)");
        }
    }

    /** The same host on another port. */
    public LabHost withPort(int newPort) {
        return new LabHost(name, newPort, identity, kubelet);
    }

    /** The host an inventory machine describes; {@code bootEpochSecond} anchors its uptime. */
    public static LabHost of(Machine m, long bootBase) {
        boolean k8s = m.tags().contains("k8s") || m.profiles().stream().anyMatch(p -> p.startsWith("k8s"));
        return new LabHost(m.name(), m.sshPort(), IdentityGenerator.identity(m, bootBase), k8s);
    }

    /** True when the lab should serve this machine: tagged {@code lab} and addressed on loopback. */
    public static boolean served(Machine m) {
        return m.tags().contains(DemoInventory.LAB_TAG) && loopback(m.address());
    }

    /**
     * The hosts for every lab machine of the inventory, in name order.
     *
     * @throws IllegalArgumentException naming both machines when two lab machines share a port
     */
    public static List<LabHost> fromInventory(Inventory inventory, long bootBase) {
        List<LabHost> hosts = new ArrayList<>();
        Map<Integer, String> ports = new HashMap<>();
        for (Machine m : inventory.machines().values()) {
            if (!served(m)) {
                continue;
            }
            String other = ports.putIfAbsent(m.sshPort(), m.name());
            if (other != null) {
                throw new IllegalArgumentException("lab machines " + other + " and " + m.name()
                        + " both use port " + m.sshPort() + "; give each lab machine its own port");
            }
            hosts.add(of(m, bootBase));
        }
        return hosts;
    }

    private static boolean loopback(String address) {
        return address.equals("localhost") || address.startsWith("127.");
    }
}
