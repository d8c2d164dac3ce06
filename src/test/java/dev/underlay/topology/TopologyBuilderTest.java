package dev.underlay.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopologyBuilderTest {
    static Inventory demo() {
        InventoryChanges ch = DemoInventory.changes(Path.of("lab.key"));
        Inventory.Builder b = Inventory.builder();
        ch.sites.forEach(b::site);
        ch.racks.forEach(b::rack);
        ch.profiles.forEach(b::profile);
        ch.clusters.forEach(b::cluster);
        ch.machines.forEach(b::machine);
        return b.build();
    }

    private static Set<String> edges(TopologyGraph g, EdgeKind kind) {
        return g.edges().stream().filter(e -> e.kind() == kind)
                .map(e -> g.node(e.from()).id() + " -> " + g.node(e.to()).id()).collect(Collectors.toSet());
    }

    @Test
    void demoInventoryGivesSitesRacksMachinesClustersWithRoleGroupsAndBastionPaths() {
        Inventory inv = demo();
        TopologyGraph g = TopologyBuilder.build(inv);
        for (Machine m : inv.machines().values()) {
            assertTrue(g.indexOfMachine(m.name()) >= 0, m.name());
        }
        assertTrue(g.indexOf("site:fra1") >= 0);
        Set<String> contains = edges(g, EdgeKind.CONTAINS);
        assertTrue(contains.contains("site:fra1 -> rack:fra1-r01"), contains.toString());
        assertTrue(contains.contains("rack:fra1-r03 -> machine:fra1-bastion01"), contains.toString());
        Set<String> member = edges(g, EdgeKind.MEMBER);
        assertTrue(member.contains("cluster:fra1-k8s -> role:fra1-k8s/control-plane"), member.toString());
        assertTrue(member.stream().anyMatch(e -> e.startsWith("role:fra1-k8s/worker -> machine:")), member.toString());
        assertEquals(inv.machines().size() + inv.sites().size() + inv.racks().size() + inv.clusters().size()
                + inv.clusters().values().stream().mapToLong(c -> c.members().stream().map(x -> x.role()).distinct()
                .count()).sum(), g.size(), "one vertex per site, rack, machine, cluster and role group");
        // every machine sits in exactly one place
        for (Machine m : inv.machines().values()) {
            int i = g.indexOfMachine(m.name());
            assertEquals(1, g.edges().stream().filter(e -> e.to() == i && e.kind() == EdgeKind.CONTAINS).count(),
                    m.name());
        }
    }

    @Test
    void bastionResolvedThroughAProfileIsAPath() {
        Inventory inv = Inventory.builder()
                .profile(new Profile("behind-bastion", "", List.of(), Map.of("ssh_bastion", TextNode.valueOf("b1"))))
                .machine(Machine.builder("b1").build())
                .machine(Machine.builder("h1").profiles(List.of("behind-bastion")).build())
                .machine(Machine.builder("h2").params(Map.of("ssh_bastion", TextNode.valueOf("b1"))).build())
                .machine(Machine.builder("h3").params(Map.of("ssh_bastion", TextNode.valueOf("gone"))).build())
                .build();
        TopologyGraph g = TopologyBuilder.build(inv);
        assertEquals(Set.of("machine:b1 -> machine:h1", "machine:b1 -> machine:h2"), edges(g, EdgeKind.JUMP),
                "a bastion that is not in the inventory draws no path");
    }

    @Test
    void sameStructureGivesAnEqualGraphAndAStatusChangeKeepsIt() {
        Inventory inv = demo();
        Machine m = inv.machines().values().iterator().next();
        Inventory changed = inv.toBuilder().machine(m.toBuilder().status(MachineStatus.FAILED).build()).build();
        assertEquals(TopologyBuilder.build(inv), TopologyBuilder.build(changed));
        Inventory moved = inv.toBuilder().removeMachine(m.name()).build();
        assertTrue(!TopologyBuilder.build(inv).equals(TopologyBuilder.build(moved)));
    }

    @Test
    void largeFixtureHasTheVerticesAskedFor() {
        TopologyGraph g = TopologyBuilder.build(TopologyFixtures.large(5000));
        assertTrue(g.size() >= 4950 && g.size() <= 5050, g.toString());
    }
}
