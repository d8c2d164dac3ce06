package dev.underlay.lab;

import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.MachineStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated inventory machines for {@code lab serve --hosts N}: lab0001, lab0002, ... on consecutive ports, or on
 * free ports the lab picks (base port 0; {@link #onPorts} then gives them the ports the lab listens on).
 */
public final class LabInventory {
    /** The site generated machines belong to. */
    public static final String SITE = "lab";
    /** Highest host count one lab serves (ports are consecutive and must stay below 65536). */
    public static final int MAX_HOSTS = 10_000;

    private LabInventory() {
    }

    /**
     * {@code n} virtual machines tagged {@value DemoInventory#LAB_TAG}, addressed at 127.0.0.1 from {@code basePort},
     * or all on port 0 when {@code basePort} is 0 (for a lab that picks free ports).
     *
     * @throws IllegalArgumentException when n or the port range is out of bounds
     */
    public static List<Machine> machines(int n, int basePort) {
        if (n < 1 || n > MAX_HOSTS) {
            throw new IllegalArgumentException("the lab serves 1 to " + MAX_HOSTS + " hosts, not " + n);
        }
        if (basePort != 0 && (basePort < 1024 || basePort + n - 1 > 65_535)) {
            throw new IllegalArgumentException("ports " + basePort + "-" + (basePort + n - 1)
                    + " are out of range: choose a base port from 1024 so that the last one is at most 65535,"
                    + " or 0 for free ports");
        }
        int width = Math.max(4, Integer.toString(n).length());
        List<Machine> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(Machine.builder(String.format("lab%0" + width + "d", i)).kind(MachineKind.VIRTUAL).site(SITE)
                    .address("127.0.0.1").sshPort(basePort == 0 ? 0 : basePort + i - 1).sshUser("root")
                    .credential(DemoInventory.LAB_CREDENTIAL).tags(List.of(DemoInventory.LAB_TAG))
                    .status(MachineStatus.IN_USE).build());
        }
        return out;
    }

    /**
     * The machines with the ports their lab hosts listen on (matched by name), for the inventory file of a lab
     * started on free ports.
     *
     * @throws IllegalArgumentException when a machine has no host in the lab
     */
    public static List<Machine> onPorts(List<Machine> machines, List<LabHost> hosts) {
        Map<String, Integer> ports = new HashMap<>();
        hosts.forEach(h -> ports.put(h.name(), h.port()));
        List<Machine> out = new ArrayList<>(machines.size());
        for (Machine m : machines) {
            Integer port = ports.get(m.name());
            if (port == null) {
                throw new IllegalArgumentException("machine " + m.name() + " is not a host of this lab");
            }
            out.add(m.toBuilder().sshPort(port).build());
        }
        return out;
    }
}
