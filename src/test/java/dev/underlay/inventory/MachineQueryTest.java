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
}
