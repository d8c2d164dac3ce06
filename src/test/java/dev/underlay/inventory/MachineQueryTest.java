package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineQueryTest {
    private final Inventory inv = DemoInventory.changes(Path.of("/k")).applyTo(Inventory.empty());

    private List<String> names(String q) {
        return MachineQuery.parse(q).select(inv).stream().map(Machine::name).toList();
    }

    @Test
    void allAndEmptyMatchEverything() {
        assertEquals(inv.machines().size(), names("all").size());
        assertEquals(inv.machines().size(), names("  ").size());
    }

    @Test
    void fieldsCombineWithAndRepeatedFieldsWithOr() {
        assertEquals(List.of("fra1-gpu03"), names("rack:fra1-r03 tag:gpu status:failed"));
        assertEquals(List.of("fra1-web01", "fra1-web02", "fra1-web03", "fra1-web04"), names("name:fra1-web*"));
        assertEquals(6, names("kind:cloud").size());
        assertEquals(names("rack:fra1-r01").size() + names("rack:fra1-r02").size(),
                names("rack:fra1-r01 rack:fra1-r02").size());
        assertEquals(names("rack:fra1-r01,fra1-r02"), names("rack:fra1-r01 rack:fra1-r02"));
    }

    @Test
    void negationClusterRolesParamsAndFreeText() {
        assertEquals(3, names("role:control-plane").size());
        assertEquals(12, names("cluster:fra1-k8s -role:control-plane").size());
        assertEquals(List.of("euc1-ci01"), names("param:instance_type=c6i*"));
        assertTrue(names("WEB").containsAll(List.of("fra1-web01", "euc1-web03")));
    }

    @Test
    void paramTermsMatchTheValueAsItResolvesThroughProfilesAndGlobal() {
        assertEquals(names("kind:cloud"), names("param:timezone=Europe/Berlin"), "profile cloud-euc1 sets it");
        assertEquals(names("-kind:cloud"), names("param:timezone=UTC"), "the global profile sets it for the rest");
        assertEquals(names("tag:gpu"), names("param:cuda_version=12.4"), "profile gpu sets it");
        assertEquals(names("profile:baseline,k8s-node,gpu"), names("param:ntp_servers"),
                "baseline, and the profiles that include it");
        assertEquals(List.of(), names("param:no_such_param"));
        assertThrows(QueryException.class, () -> MachineQuery.parse("param:=x"));
    }

    @Test
    void resolvingOneParamGivesWhatFullResolutionGives() {
        Inventory withDefault = inv; // k8s_version has a default there, set by no profile
        java.util.Set<String> keys = new java.util.TreeSet<>(List.of("k8s_version", "nope"));
        withDefault.profiles().values().forEach(p -> keys.addAll(p.params().keySet()));
        withDefault.machines().values().forEach(m -> keys.addAll(m.params().keySet()));
        int compared = 0;
        for (Machine m : withDefault.machines().values()) {
            var all = ParamResolver.resolve(withDefault, m);
            for (String k : keys) {
                ResolvedParam r = all.get(k);
                assertEquals(r == null ? null : r.value(), ParamResolver.value(withDefault, m, k), m.name() + " " + k);
                compared++;
            }
        }
        assertTrue(compared > 400, "every machine and key compared: " + compared);
    }

    @Test
    void secureParamValuesAreNeverCompared() {
        Inventory secured = inv.toBuilder().paramDefinition(new ParamDefinition("bmc_password", null,
                com.fasterxml.jackson.databind.node.TextNode.valueOf("hunter2"), "", true)).build();
        assertEquals(List.of(), MachineQuery.parse("param:bmc_password=hunter2").select(secured));
        assertEquals(List.of(), MachineQuery.parse("param:bmc_password=*").select(secured));
        assertEquals(secured.machines().size(), MachineQuery.parse("param:bmc_password").select(secured).size(),
                "whether it is set can still be asked");
    }

    @Test
    void freeTextFindsDigitsAndAnyCaseAnywhereInTheValue() {
        List<String> byAddress = inv.machines().values().stream()
                .filter(m -> m.address() != null && m.address().contains("0.0.")).map(Machine::name).sorted().toList();
        assertTrue(!byAddress.isEmpty());
        assertTrue(names("0.0.").containsAll(byAddress), "free text without letters is a plain substring search");
        assertEquals(names("eB0"), names("Eb0"), "case does not matter at any position");
        assertTrue(names("eB0").contains("fra1-web01"));
        assertEquals(List.of(), names("zz-no-such-thing"));
    }

    @Test
    void unknownFieldIsAClearError() {
        var e = assertThrows(QueryException.class, () -> MachineQuery.parse("colour:red"));
        assertTrue(e.getMessage().contains("unknown field 'colour'") && e.getMessage().contains("rack"));
        assertThrows(QueryException.class, () -> MachineQuery.parse("rack:"));
        assertThrows(QueryException.class, () -> MachineQuery.parse("name:\"x"));
    }

    @Test
    void nodeSetsNameMachinesExactlyAsPdshAndClusterShellDo() {
        assertEquals(List.of("fra1-k8s-w01", "fra1-k8s-w02", "fra1-k8s-w03", "fra1-k8s-w12"),
                names("fra1-k8s-w[01-03,12]"));
        assertEquals(List.of("fra1-db01", "fra1-web01"), names("fra1-db01,fra1-web01"));
        assertEquals(List.of("fra1-web01"), names("fra1-web01,fra1-web1"), "a node set is exact, not a substring");
        assertEquals(List.of("fra1-k8s-w02"), names("fra1-k8s-w[01-03] rack:fra1-r01 -fra1-k8s-w[01,03]"));
        assertEquals(names("rack:fra1-r01,fra1-r02"), names("rack:fra1-r[01-02]"));
        assertEquals(List.of("fra1-k8s-w05", "fra1-k8s-w06"), names("name:fra1-k8s-w[05-06]"));
    }

    @Test
    void notesSayWhatAQueryNamesThatTheInventoryHasNot() {
        MachineQuery q = MachineQuery.parse("rack:r1");
        assertEquals(List.of(), q.select(inv));
        assertEquals(List.of("no rack is named r1; racks are fra1-r01, fra1-r02, fra1-r03"), q.notes(inv));
        assertEquals(List.of("no machines are named fra1-k8s-w[13-15]"),
                MachineQuery.parse("fra1-k8s-w[10-15]").notes(inv));
        assertEquals(List.of("no machine has the tag nope; tags are api, bastion, ceph, ci, cloud and 10 more"),
                MachineQuery.parse("tag:nope,gpu").notes(inv));
        assertEquals(List.of("no site is named x"), MachineQuery.parse("-site:x").notes(inv).stream()
                .map(n -> n.substring(0, n.indexOf(';'))).toList());
        assertEquals(List.of(), MachineQuery.parse("rack:fra1-r0* name:nothing-like-this* web").notes(inv),
                "globs and free text name nothing in particular");
        assertEquals(List.of(), MachineQuery.parse("status:failed").notes(inv));
    }

    @Test
    void aValueAFieldCanNeverHaveIsAnInvalidQuery() {
        var e = assertThrows(QueryException.class, () -> MachineQuery.parse("status:faild"));
        assertEquals("'faild' in 'status:faild' is not a status; status is one of new, ready, in-use, maintenance,"
                + " failed, retired", e.getMessage());
        assertThrows(QueryException.class, () -> MachineQuery.parse("-kind:metal"));
        assertThrows(QueryException.class, () -> MachineQuery.parse("fra1-k8s-w[3-1]"));
        assertEquals(names("status:f*"), names("status:failed"));
    }
}
