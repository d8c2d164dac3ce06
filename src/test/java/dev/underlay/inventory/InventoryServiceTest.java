package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.db.Database;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryServiceTest {
    @TempDir
    Path dir;
    Database db;
    InventoryService service;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        service = new InventoryService(new JdbcInventoryStore(db));
        service.apply(DemoInventory.changes(dir.resolve("key")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private InventoryService reopened() {
        return new InventoryService(new JdbcInventoryStore(db));
    }

    @Test
    void demoInventoryIsValidAndSurvivesReload() {
        Inventory inv = service.inventory();
        assertTrue(InventoryRules.validateAll(inv).isEmpty());
        assertEquals(3, inv.racks().size());
        assertTrue(inv.machines().size() >= 40, "the demo has 40 hosts to run on");
        Inventory again = reopened().inventory();
        assertEquals(inv.machines(), again.machines());
        assertEquals(inv.profiles(), again.profiles());
        assertEquals(inv.clusters(), again.clusters());
        assertEquals(inv.paramDefinitions(), again.paramDefinitions());
    }

    @Test
    void rackRejectsOverlappingMachineNamingBothAndTheU() {
        Machine m = Machine.builder("fra1-new01").site("fra1").placed("fra1-r01", 2, 1, Face.FRONT).build();
        var e = assertThrows(InventoryValidationException.class, () -> service.createMachine(m));
        String msg = e.getMessage();
        assertTrue(msg.contains("fra1-new01") && msg.contains("fra1-k8s-w01") && msg.contains("U2"), msg);
        assertTrue(reopened().inventory().machine("fra1-new01").isEmpty(), "nothing written");
    }

    @Test
    void fullDepthMachineCollidesWithRearOneButFrontAndRearShareAU() {
        Machine rear = Machine.builder("fra1-rear01").site("fra1").placed("fra1-r01", 1, 1, Face.REAR).build();
        service.createMachine(rear);
        Machine full = Machine.builder("fra1-full01").site("fra1").placed("fra1-r01", 42, 1, Face.FULL_DEPTH).build();
        var e = assertThrows(InventoryValidationException.class, () -> service.createMachine(full));
        assertTrue(e.getMessage().contains("fra1-mgmt01") && e.getMessage().contains("U42"), e.getMessage());
    }

    @Test
    void machineMustFitInsideItsRack() {
        Machine m = Machine.builder("fra1-tall").site("fra1").placed("fra1-r03", 41, 4, Face.FRONT).build();
        var e = assertThrows(InventoryValidationException.class, () -> service.createMachine(m));
        assertEquals("u", e.violations().get(0).field());
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }

    @Test
    void machineCannotSitInRackOfAnotherSite() {
        Machine m = Machine.builder("x1").site("aws-euc1").placed("fra1-r03", 36, 1, Face.FRONT).build();
        var e = assertThrows(InventoryValidationException.class, () -> service.createMachine(m));
        assertTrue(e.getMessage().contains("belongs to site fra1"), e.getMessage());
    }

    @Test
    void duplicateNameIsRefused() {
        Machine m = Machine.builder("fra1-web01").build();
        var e = assertThrows(InventoryValidationException.class, () -> service.createMachine(m));
        assertTrue(e.getMessage().contains("already exists"));
    }

    @Test
    void renameKeepsClusterMembership() {
        Machine cp = service.inventory().machine("fra1-k8s-cp01").orElseThrow();
        service.updateMachine(cp, cp.toBuilder().name("fra1-k8s-cp01a").build());
        Inventory inv = reopened().inventory();
        assertTrue(inv.machine("fra1-k8s-cp01").isEmpty());
        assertEquals("control-plane", inv.clusterRoles("fra1-k8s-cp01a").get(0).role());
    }

    @Test
    void bulkEditAddsTagsAndChecksStatusTransitions() {
        service.bulkEdit(List.of("fra1-web01", "fra1-web02"),
                new BulkEdit(List.of("canary"), List.of("web"), List.of(), List.of(), MachineStatus.MAINTENANCE));
        Inventory inv = reopened().inventory();
        assertEquals(List.of("lab", "canary"), inv.machine("fra1-web02").orElseThrow().tags());
        assertEquals(MachineStatus.MAINTENANCE, inv.machine("fra1-web01").orElseThrow().status());
        service.bulkEdit(List.of("fra1-web01"), new BulkEdit(List.of(), List.of(), List.of(), List.of(),
                MachineStatus.RETIRED));
        assertThrows(InventoryValidationException.class, () -> service.bulkEdit(List.of("fra1-web01"),
                new BulkEdit(List.of(), List.of(), List.of(), List.of(), MachineStatus.IN_USE)));
    }

    @Test
    void paramsResolveMachineThenProfilesDepthFirstThenGlobalWithSources() {
        Inventory inv = service.inventory();
        Machine w = inv.machine("fra1-k8s-w01").orElseThrow();
        Map<String, ResolvedParam> r = ParamResolver.resolve(inv, w);
        assertEquals("machine fra1-k8s-w01", r.get("serial").source().describe());
        assertEquals("profile k8s-node", r.get("pod_cidr").source().describe());
        assertEquals("profile baseline (via k8s-node)", r.get("ntp_servers").source().describe());
        assertEquals("global", r.get("timezone").source().describe());
        assertEquals("default", r.get("k8s_version").source().describe());
        Machine cloud = inv.machine("euc1-web01").orElseThrow();
        assertEquals(new TextNode("Europe/Berlin"), ParamResolver.resolve(inv, cloud).get("timezone").value());
    }

    @Test
    void deleteRemovesMachineAndItsClusterMembership() {
        service.deleteMachines(List.of("fra1-k8s-w12"));
        Inventory inv = reopened().inventory();
        assertTrue(inv.machine("fra1-k8s-w12").isEmpty());
        assertEquals(14, inv.clusters().get("fra1-k8s").members().size());
    }
}
