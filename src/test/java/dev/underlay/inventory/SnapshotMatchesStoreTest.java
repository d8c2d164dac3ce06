package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
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

/**
 * After every kind of write, the service's live snapshot equals what a fresh read of the store gives: the
 * snapshot is never a second truth beside the database (a deleted cluster member once stayed in the snapshot and
 * every later import was refused until a restart).
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class SnapshotMatchesStoreTest {
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
        assertMatchesStore("the demo inventory");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void assertMatchesStore(String after) {
        Inventory reloaded = new JdbcInventoryStore(db).load();
        assertEquals(reloaded, service.inventory(), "after " + after + ": the snapshot differs from the store");
    }

    private String clusterMember() {
        return service.inventory().clusters().values().iterator().next().members().get(0).machine();
    }

    @Test
    void deletingAClusterMemberLeavesNoMemberBehind() {
        String member = clusterMember();
        service.deleteMachines(List.of(member));
        assertMatchesStore("deleting cluster member " + member);
        assertFalse(service.inventory().clusterRoles(member).iterator().hasNext());
    }

    @Test
    void everyKindOfWriteLeavesTheSnapshotEqualToTheStore() {
        Machine any = service.inventory().machines().values().stream().filter(m -> !m.racked()).findFirst()
                .orElseThrow();
        Map<String, com.fasterxml.jackson.databind.JsonNode> params = new LinkedHashMap<>(any.params());
        params.put("ntp", TextNode.valueOf("10.1.1.1"));
        params.put("count", IntNode.valueOf(3));
        Machine created = any.toBuilder().name("new-one").address("10.9.9.9").params(params)
                .tags(List.of("x", "y")).build();
        service.createMachine(created);
        assertMatchesStore("creating a machine");

        service.updateMachine(created, created.toBuilder().name("renamed-one").status(MachineStatus.READY).build());
        assertMatchesStore("renaming a machine");

        String member = clusterMember();
        Machine m = service.inventory().machines().get(member);
        service.updateMachine(m, m.toBuilder().name(member + "-b").build());
        assertMatchesStore("renaming a cluster member");

        service.bulkEdit(List.of("renamed-one", member + "-b"), new BulkEdit(List.of("bulk"), List.of("x"),
                List.of(), List.of(), null));
        assertMatchesStore("a bulk edit");

        InventoryChanges ch = new InventoryChanges();
        ch.sites.add(new Site("lon1", "London"));
        ch.racks.add(new Rack("lon1-r01", "lon1", 42, "A", 1));
        ch.profiles.add(new Profile("lon", "London hosts", List.of(), Map.of("ntp", TextNode.valueOf("10.2.2.2"))));
        ch.credentials.add(new Credential("lon-key", CredentialKind.KEY, "root", "/keys/lon", ""));
        ch.paramDefinitions.add(new ParamDefinition("rack_power", null, IntNode.valueOf(5), "kW", false));
        ch.clusters.add(new Cluster("lon-k8s", "kubernetes", "", "", List.of(new ClusterMember("renamed-one",
                "worker"))));
        service.apply(ch);
        assertMatchesStore("an import-like change of every entity kind");

        InventoryChanges rm = new InventoryChanges();
        rm.removedClusters.add("lon-k8s");
        rm.removedProfiles.add("lon");
        rm.removedRacks.add("lon1-r01");
        rm.removedSites.add("lon1");
        service.apply(rm);
        assertMatchesStore("removing a cluster, a profile, a rack and a site");

        service.deleteMachines(List.of("renamed-one"));
        assertMatchesStore("deleting a machine");
        assertTrue(service.inventory().machine("renamed-one").isEmpty());
    }
}
