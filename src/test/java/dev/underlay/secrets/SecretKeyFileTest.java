package dev.underlay.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void createdKeyFileIsOwnerOnlyOnPosixAndLeavesNoTemporaryFile() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "POSIX permissions only");
        SecretKeyFile f = SecretKeyFile.inDataFolder(dir.resolve("data"));
        f.create();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.path())));
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            assertEquals(List.of(SecretKeyFile.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void loadGivesTheCreatedKeyAndEachFileItsOwnKey() {
        SecretKeyFile a = new SecretKeyFile(dir.resolve("a.key"));
        SecretKeyFile b = new SecretKeyFile(dir.resolve("b.key"));
        SecretKeyFile.LoadedKey created = a.create();
        SecretKeyFile.LoadedKey loaded = a.load();
        assertEquals(created.id(), loaded.id());
        assertEquals(created.key(), loaded.key());
        assertNotEquals(created.id(), b.create().id());
    }

    @Test
    void createRefusesToReplaceAnExistingKey() {
        SecretKeyFile f = new SecretKeyFile(dir.resolve("secrets.key"));
        String id = f.create().id();
        SecretsException e = assertThrows(SecretsException.class, f::create);
        assertEquals("Will not create a new secrets key: " + f.path() + " already exists.", e.getMessage());
        assertEquals(id, f.load().id());
    }

    @Test
    void fileExplainsItselfToAPersonWhoOpensIt() throws Exception {
        SecretKeyFile f = new SecretKeyFile(dir.resolve("secrets.key"));
        f.create();
        String text = Files.readString(f.path());
        assertTrue(text.startsWith("# Underlay credential secrets key."), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("v1:[A-Za-z0-9+/]{43}=")), text);
    }
}
