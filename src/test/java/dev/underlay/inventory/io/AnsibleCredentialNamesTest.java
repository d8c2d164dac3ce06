package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A credential an import made is never silently given another password or key file by a later import. */
class AnsibleCredentialNamesTest {
    @TempDir
    Path dir;
    Database db;
    InventoryService service;
    AnsibleImportTest.MapSecrets secrets = new AnsibleImportTest.MapSecrets();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        service = new InventoryService(new JdbcInventoryStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportPlan plan(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        ImportPlan p = new InventoryImporter(service, secrets).plan(f, InventoryFormat.ANSIBLE);
        assertTrue(p.ok(), p.problems().toString());
        return p;
    }

    private Inventory apply(ImportPlan p) {
        return new InventoryImporter(service, secrets).apply(p);
    }

    @Test
    void secondInventoryWithAnotherPasswordGetsItsOwnCredentialAndDb01KeepsItsPassword() throws IOException {
        apply(plan("first.ini", "[db]\ndb01 ansible_password=first-pw\n"));
        assertEquals("ansible-password", service.inventory().machines().get("db01").credential());
        ImportPlan second = plan("second.ini", "[web]\nweb01 ansible_password=second-pw\n");
        assertTrue(second.added().contains("credential ansible-password-2"), second.added().toString());
        assertTrue(!second.unchanged().contains("credential ansible-password"), second.unchanged().toString());
        Inventory inv = apply(second);
        String db01 = inv.machines().get("db01").credential();
        String web01 = inv.machines().get("web01").credential();
        assertNotEquals(db01, web01);
        assertArrayEquals("first-pw".toCharArray(), secrets.get(db01).orElseThrow(), "db01 keeps its own password");
        assertArrayEquals("second-pw".toCharArray(), secrets.get(web01).orElseThrow());
        // importing either file again finds its own credential by its password: nothing changes
        assertEquals(List.of(), plan("first.ini", "[db]\ndb01 ansible_password=first-pw\n").changed());
        ImportPlan again = plan("second.ini", "[web]\nweb01 ansible_password=second-pw\n");
        assertEquals(List.of(), again.changed());
        assertEquals(List.of(), again.added());
    }

    @Test
    void hostsOfOneFileWithTheSamePasswordShareTheStoredCredential() throws IOException {
        apply(plan("a.ini", "[db]\ndb01 ansible_password=same\n"));
        Inventory inv = apply(plan("b.ini", "[db]\ndb02 ansible_password=same\ndb03 ansible_password=same\n"));
        assertEquals("ansible-password", inv.machines().get("db02").credential());
        assertEquals("ansible-password", inv.machines().get("db03").credential());
        assertEquals(1, inv.credentials().size());
    }

    @Test
    void anotherKeyFileUnderAStoredCredentialNameGetsANewCredential() throws IOException {
        apply(plan("a.ini", "[db]\ndb01 ansible_user=ops ansible_ssh_private_key_file=/keys/a/id.key\n"));
        ImportPlan p = plan("b.ini", "[db]\ndb02 ansible_user=ops ansible_ssh_private_key_file=/keys/b/id.key\n");
        assertEquals(List.of(), p.changed(), "the stored credential is not repointed");
        Inventory inv = apply(p);
        assertEquals("/keys/a/id.key", inv.credentials().get(inv.machines().get("db01").credential()).keyFile());
        assertEquals("/keys/b/id.key", inv.credentials().get(inv.machines().get("db02").credential()).keyFile());
    }
}
