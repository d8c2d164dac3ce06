package dev.underlay.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.lab.shell.HostIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which inventory machines the lab serves, and how a machine becomes a host identity. */
class LabHostTest {
    private static Machine machine(String name, String address, int port, String... tags) {
        return Machine.builder(name).address(address).sshPort(port).tags(List.of(tags)).build();
    }

    @Test
    void servesOnlyLabTaggedLoopbackMachines() {
        Inventory inv = Inventory.builder().machines(List.of(machine("a", "127.0.0.1", 22001, "lab"),
                machine("b", "10.0.0.5", 22, "lab"), machine("c", "127.0.0.1", 22003, "web"),
                machine("d", "localhost", 22004, "lab", "k8s"))).build();
        List<LabHost> hosts = LabHost.fromInventory(inv, 0);
        assertEquals(List.of("a", "d"), hosts.stream().map(LabHost::name).toList());
        assertEquals(22004, hosts.get(1).port());
        assertEquals(true, hosts.get(1).kubelet());
    }

    @Test
    void twoLabMachinesOnOnePortAreNamed() {
        Inventory inv = Inventory.builder().machines(List.of(machine("a", "127.0.0.1", 22001, "lab"),
                machine("b", "127.0.0.1", 22001, "lab"))).build();
        assertEquals("lab machines a and b both use port 22001; give each lab machine its own port",
                assertThrows(IllegalArgumentException.class, () -> LabHost.fromInventory(inv, 0)).getMessage());
    }

    @Test
    void identityIsDrawnFromTheNameAndParamsOverrideIt() {
        Machine m = machine("fra1-web01", "127.0.0.1", 22001, "lab");
        HostIdentity a = LabHost.of(m, 1_000_000).identity();
        HostIdentity b = LabHost.of(m, 1_000_000).identity();
        assertEquals(a, b);
        HostIdentity other = LabHost.of(machine("fra1-web02", "127.0.0.1", 22002, "lab"), 1_000_000).identity();
        assertEquals(false, a.nics().get(0).mac().equals(other.nics().get(0).mac()));
        Machine tuned = m.toBuilder().params(Map.of("cpus", IntNode.valueOf(12), "memory_gb", IntNode.valueOf(96),
                "os", TextNode.valueOf("rocky-9"))).build();
        HostIdentity t = LabHost.of(tuned, 1_000_000).identity();
        assertEquals(12, t.cpus());
        assertEquals(96 * 1024, t.memoryMb());
        assertEquals(HostIdentity.OsRelease.ROCKY_9, t.os());
    }
}
