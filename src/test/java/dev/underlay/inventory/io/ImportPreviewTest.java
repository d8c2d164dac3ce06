package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.db.TestBackend;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import dev.underlay.secrets.EncryptedParamSecrets;
import dev.underlay.secrets.SealingKey;
import dev.underlay.secrets.SecretKeyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview of an import over the demo inventory: each changed field with its old and new value, a warning in
 * words for whatever would be removed, and merge (the default) against replace of existing records.
 */
@ParameterizedClass
@EnumSource(TestBackend.class)
class ImportPreviewTest {
    @Parameter
    TestBackend backend;
    /** The row that, as filed, silently took fra1-stor01's bmc_address, its ceph tag, its port and status. */
    static final String STOR01 = "name,port,status,tags,params\n"
            + "fra1-stor01,2222,maintenance,storage,\"{\"\"serial\"\":\"\"CZ2000001\"\",\"\"rack_label\"\":\"\"A3\"\"}\"\n";

    @TempDir
    Path dir;
    Database db;
    InventoryService service;
    InventoryImporter importer;
    Machine before;

    @BeforeEach
    void open() {
        db = backend.open(dir.resolve("data"));
        service = new InventoryService(new JdbcInventoryStore(db),
                new EncryptedParamSecrets(new SealingKey(SecretKeyFile.inDataFolder(dir.resolve("data")))));
        service.apply(DemoInventory.changes(dir.resolve("data/lab/client_ed25519")));
        importer = new InventoryImporter(service, null, dir.resolve("data"));
        before = service.inventory().machines().get("fra1-stor01");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportPlan plan(String name, String text, ImportMode mode) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return importer.plan(f, InventoryFormat.guess(f), mode);
    }

    private static List<String> texts(ImportPlan p) {
        return p.diffs().get(0).changes().stream().map(ImportDiff.Change::text).toList();
    }

    @Test
    void replaceListsEveryFieldWithOldAndNewValueAndWarnsAboutRemovals() throws IOException {
        String bmc = before.params().get("bmc_address").toString();
        String serial = before.params().get("serial").toString();
        ImportPlan p = plan("stor.csv", STOR01, ImportMode.REPLACE);
        assertTrue(p.ok(), p.problems().toString());
        assertEquals(List.of("machine fra1-stor01"), p.changed());
        assertEquals(ImportMode.REPLACE, p.mode());
        assertEquals(List.of("port: " + before.sshPort() + " -> 2222", "tag lab removed", "tag ceph removed", "param serial: " + serial + " -> \"CZ2000001\"",
                "param bmc_address " + bmc + " removed", "param rack_label \"A3\" added",
                "status: in-use -> maintenance"), texts(p));
        assertEquals(List.of("machine fra1-stor01 would lose tag lab, tag ceph and param bmc_address"), p.warnings());
    }

    @Test
    void mergeIsTheDefaultAndKeepsWhatTheFileLeavesOut() throws IOException {
        Path f = dir.resolve("stor.csv");
        Files.writeString(f, STOR01);
        ImportPlan p = importer.plan(f, InventoryFormat.CSV);
        assertEquals(ImportMode.MERGE, p.mode());
        assertEquals(List.of(), p.warnings(), "a merge removes nothing");
        assertTrue(texts(p).contains("port: " + before.sshPort() + " -> 2222")
                && texts(p).contains("param rack_label \"A3\" added") && texts(p).size() == 4,
                texts(p).toString());
        importer.apply(p);
        Machine after = service.inventory().machines().get("fra1-stor01");
        assertEquals(before.tags(), after.tags());
        assertEquals(before.params().get("bmc_address"), after.params().get("bmc_address"));
        assertEquals("\"A3\"", after.params().get("rack_label").toString());
        assertEquals(MachineStatus.MAINTENANCE, after.status());
        assertEquals(2222, after.sshPort());
        assertEquals("added 0, changed 1 (0 unchanged)", p.done());
    }

    @Test
    void replaceWritesExactlyWhatTheFileSays() throws IOException {
        importer.apply(plan("stor.csv", STOR01, ImportMode.REPLACE));
        Machine after = service.inventory().machines().get("fra1-stor01");
        assertEquals(List.of("storage"), after.tags());
        assertFalse(after.params().containsKey("bmc_address"));
        assertEquals(before.rack(), after.rack(), "a column the file leaves out keeps its value in both modes");
    }

    @Test
    void aJsonMachineThatLeavesFieldsOutKeepsThemAndMergesItsParams() throws IOException {
        String json = "{\"format\": \"underlay-inventory\", \"version\": 1, \"machines\": [\n"
                + "  {\"name\": \"fra1-stor01\", \"address\": \"10.9.9.9\", \"tags\": [\"nvme\"],"
                + " \"params\": {\"env\": \"prod\"}}\n]}\n";
        ImportPlan merged = plan("m.json", json, ImportMode.MERGE);
        assertTrue(merged.ok(), merged.problems().toString());
        assertEquals(List.of("address: " + before.address() + " -> 10.9.9.9", "tag nvme added",
                "param env \"prod\" added"), texts(merged));
        ImportPlan replaced = plan("m.json", json, ImportMode.REPLACE);
        assertEquals(List.of("machine fra1-stor01 would lose tag lab, tag storage, tag ceph, param serial and param "
                + "bmc_address"), replaced.warnings());
        assertFalse(texts(replaced).stream().anyMatch(t -> t.startsWith("rack") || t.startsWith("status")),
                "fields the file leaves out are not touched: " + texts(replaced));
    }

    @Test
    void aSecureValueIsNeverShownInTheDiff() throws IOException {
        importer.apply(plan("s.csv", "name,params\nfra1-stor01,\"{\"\"bmc_password\"\":\"\"hunter2\"\"}\"\n",
                ImportMode.MERGE));
        ImportPlan p = plan("s2.csv", "name,params\nfra1-stor01,\"{\"\"bmc_password\"\":\"\"swordfish\"\"}\"\n",
                ImportMode.REPLACE);
        String all = String.join("\n", texts(p)) + p.warnings() + p.notes();
        assertFalse(all.contains("hunter2") || all.contains("swordfish"), all);
        assertTrue(texts(p).contains("param bmc_password: ******** -> ******** (a new secure value, not shown)"),
                texts(p).toString());
    }

    @Test
    void profilesAndClustersMergeTheirListsAndReplaceWarnsAboutMembers() throws IOException {
        Inventory inv = service.inventory();
        String cluster = inv.clusters().keySet().iterator().next();
        int members = inv.clusters().get(cluster).members().size();
        String json = "{\"format\": \"underlay-inventory\", \"version\": 1, \"clusters\": [\n"
                + "  {\"name\": \"" + cluster + "\", \"kind\": \"" + inv.clusters().get(cluster).kind() + "\","
                + " \"members\": [{\"machine\": \"fra1-stor01\", \"role\": \"storage\"}]}\n]}\n";
        ImportPlan merged = plan("c.json", json, ImportMode.MERGE);
        assertTrue(merged.ok(), merged.problems().toString());
        importer.apply(merged);
        assertEquals(members + 1, service.inventory().clusters().get(cluster).members().size());
        ImportPlan replaced = plan("c.json", json, ImportMode.REPLACE);
        assertEquals(members, replaced.diffs().get(0).removals().size(), replaced.diffs().toString());
        assertTrue(replaced.warnings().get(0).startsWith("cluster " + cluster + " would lose member "),
                replaced.warnings().toString());
    }
}
