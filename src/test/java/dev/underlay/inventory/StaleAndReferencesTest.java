package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Writes that would undo a change made meanwhile are refused; renames and deletes keep bastion params true. */
@ParameterizedClass
@EnumSource(TestBackend.class)
class StaleAndReferencesTest {
    @Parameter
    TestBackend backend;
    @TempDir
    Path dir;
    Database db;
    InventoryService service;

    @BeforeEach
    void open() {
        db = backend.open(dir);
        service = new InventoryService(new JdbcInventoryStore(db));
        service.apply(DemoInventory.changes(dir.resolve("key")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Machine machine(String name) {
        return service.inventory().machines().get(name);
    }

    private static Machine withParam(Machine m, String key, String value) {
        Map<String, JsonNode> p = new LinkedHashMap<>(m.params());
        p.put(key, TextNode.valueOf(value));
        return m.toBuilder().params(p).build();
    }

    @Test
    void aSaveOverAChangeMadeSinceTheFormReadTheMachineIsRefusedWithWhatChanged() {
        Machine read = machine("fra1-web01");
        service.updateMachine(read, read.toBuilder().status(MachineStatus.MAINTENANCE)
                .tags(List.of("web", "canary")).build());
        var e = assertThrows(InventoryValidationException.class,
                () -> service.updateMachine(read, read.toBuilder().address("10.0.9.9").build()));
        String msg = e.violations().get(0).message();
        assertTrue(msg.startsWith("machine fra1-web01 was changed since it was read ("), msg);
        assertTrue(msg.contains("status " + read.status() + " -> maintenance"), msg);
        assertTrue(msg.contains("canary added"), msg);
        assertEquals(MachineStatus.MAINTENANCE, machine("fra1-web01").status(), "the other change is kept");
    }

    @Test
    void anImportPreviewedBeforeAnEditIsRefusedInsteadOfUndoingIt() {
        Inventory basis = service.inventory();
        Machine m = basis.machines().get("fra1-web02");
        InventoryChanges fromFile = new InventoryChanges().basedOn(basis);
        fromFile.machines.add(m.toBuilder().address("10.7.7.7").build());
        service.updateMachine(m, m.toBuilder().tags(List.of("ceph")).build());
        var e = assertThrows(InventoryValidationException.class, () -> service.apply(fromFile));
        assertEquals("machine fra1-web02 was changed meanwhile (tags: ceph added" + removed(m)
                + "); look at the preview again before writing", e.violations().get(0).message());
        assertEquals(List.of("ceph"), machine("fra1-web02").tags());
    }

    private static String removed(Machine m) {
        return m.tags().isEmpty() ? "" : "; " + String.join(", ", m.tags()) + " removed";
    }

    @Test
    void renamingABastionRenamesItInMachineAndProfileParams() {
        Machine jump = machine("fra1-web01");
        Machine inner = machine("fra1-web02");
        service.updateMachine(inner, withParam(inner, MachineReferences.BASTION, "fra1-web01"));
        InventoryChanges prof = new InventoryChanges();
        prof.profiles.add(new Profile("via-web01", "", List.of(),
                Map.of(MachineReferences.BASTION, TextNode.valueOf("fra1-web01"))));
        service.apply(prof);

        service.updateMachine(jump, jump.toBuilder().name("fra1-jump01").build());

        assertEquals("fra1-jump01", machine("fra1-web02").params().get(MachineReferences.BASTION).asText());
        assertEquals("fra1-jump01", service.inventory().profiles().get("via-web01").params()
                .get(MachineReferences.BASTION).asText());
        assertEquals(service.inventory(), new JdbcInventoryStore(db).load(), "and the store says the same");
    }

    @Test
    void aBastionStillInUseCannotBeDeleted() {
        Machine inner = machine("fra1-web02");
        service.updateMachine(inner, withParam(inner, MachineReferences.BASTION, "fra1-web01"));
        var e = assertThrows(InventoryValidationException.class,
                () -> service.deleteMachines(List.of("fra1-web01")));
        assertEquals("machine fra1-web01 cannot be deleted while it is the bastion of machine fra1-web02 "
                + "(ssh_bastion); name another bastion there first", e.violations().get(0).message());
        service.deleteMachines(List.of("fra1-web01", "fra1-web02")); // both together is fine
        assertTrue(service.inventory().machine("fra1-web01").isEmpty());
    }
}
