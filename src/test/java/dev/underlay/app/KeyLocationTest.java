package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.db.Database;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.Machine;
import dev.underlay.secrets.EncryptedCredentialSecrets;
import dev.underlay.secrets.SecretKeyFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets key lives among the user's keys, named by the folder's id, and an old one moves there intact. */
class KeyLocationTest {
    @TempDir
    Path dir;

    private AppContext open(Path data, Path keys) {
        return AppContext.open(data, keys, false, Runnable::run, AppContext.Prompts.NONE);
    }

    private static String id(AppContext ctx) {
        return ctx.inventory().store().setting(AppContext.FOLDER_ID).orElseThrow();
    }

    @Test
    void aNewFolderKeepsItsKeyApartNamedByItsIdOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        Path keys = dir.resolve("cfg").resolve("keys");
        String id;
        try (AppContext ctx = open(data, keys)) {
            ctx.credentialSecrets().put("ops", "pw-1".toCharArray());
            InventoryChanges ch = new InventoryChanges();
            ch.machines.add(Machine.builder("db01").params(Map.of("db_password", TextNode.valueOf("pw-2"))).build());
            ctx.inventory().apply(ch);
            id = id(ctx);
        }
        Path key = keys.resolve(id + ".key");
        assertTrue(Files.exists(key), "key at " + key);
        try (var files = Files.list(keys)) {
            assertEquals(List.of(key), files.toList(), "one key file, shared by credentials and secure params");
        }
        assertFalse(Files.exists(data.resolve(SecretKeyFile.FILE_NAME)), "no key beside the database");
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        }
        try (AppContext ctx = open(data, keys)) {
            assertEquals(id, id(ctx), "the id is stable");
            assertArrayEquals("pw-1".toCharArray(), ctx.credentialSecrets().get("ops").orElseThrow());
        }
    }

    @Test
    void aKeyBesideTheDatabaseIsMovedAndEverythingStaysDecryptable() throws Exception {
        Path data = dir.resolve("data");
        byte[] oldKey;
        try (Database db = Database.open(data)) {
            // what an older Underlay did: the key in the data folder
            new EncryptedCredentialSecrets(SecretKeyFile.inDataFolder(data, dev.underlay.secrets.PassphrasePrompt.NONE),
                    new dev.underlay.secrets.repository.JdbcCredentialSecretRepository(db)).put("ops", "old-pw".toCharArray());
        }
        oldKey = Files.readAllBytes(data.resolve(SecretKeyFile.FILE_NAME));
        Path keys = dir.resolve("keys");
        try (AppContext ctx = open(data, keys)) {
            assertArrayEquals("old-pw".toCharArray(), ctx.credentialSecrets().get("ops").orElseThrow());
            Path moved = keys.resolve(id(ctx) + ".key");
            assertArrayEquals(oldKey, Files.readAllBytes(moved), "the same key, byte for byte");
        }
        assertFalse(Files.exists(data.resolve(SecretKeyFile.FILE_NAME)), "the old copy is gone");
        try (AppContext ctx = open(data, keys)) {
            assertArrayEquals("old-pw".toCharArray(), ctx.credentialSecrets().get("ops").orElseThrow());
        }
    }
}
