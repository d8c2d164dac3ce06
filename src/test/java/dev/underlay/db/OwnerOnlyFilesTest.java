package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder and its database are the owner's alone: 700 and 600, when made and on every open. */
class OwnerOnlyFilesTest {
    @TempDir
    Path dir;

    private String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void newDataFolderAndDatabaseFileAreOwnerOnly() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        Path folder = dir.resolve("made").resolve("data");
        Database.open(folder).close();
        assertEquals("rwx------", mode(folder));
        assertEquals("rwx------", mode(folder.getParent()), "parents it made too");
        assertEquals("rw-------", mode(folder.resolve(Database.FILE_NAME + ".mv.db")));
    }

    @Test
    void anOlderFolderIsTightenedOnOpen() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
        Path folder = dir.resolve("old");
        Database.open(folder).close();
        Path file = folder.resolve(Database.FILE_NAME + ".mv.db");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Database.open(folder).close();
        assertEquals("rwx------", mode(folder));
        assertEquals("rw-------", mode(file));
    }

    @Test
    void keysLiveInThePlatformsPerUserConfigurationApartFromTheData() {
        assertEquals(Path.of("/x/cfg/underlay/keys"), DataFolders.keys(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "Linux",
                "/home/u", null));
        assertEquals(Path.of("/home/u/.config/underlay/keys"), DataFolders.keys(Map.of("XDG_CONFIG_HOME", "rel"),
                "Linux", "/home/u", null), "a relative XDG_CONFIG_HOME is ignored, as the spec says");
        assertEquals(Path.of("/Users/u/Library/Application Support/Underlay Keys"),
                DataFolders.keys(Map.of(), "Mac OS X", "/Users/u", null));
        assertEquals(Path.of("C:\\Users\\u\\AppData\\Local", "Underlay", "Keys"),
                DataFolders.keys(Map.of("LOCALAPPDATA", "C:\\Users\\u\\AppData\\Local"), "Windows 11", "C:\\Users\\u",
                        null));
        assertEquals(Path.of("/k"), DataFolders.keys(Map.of(DataFolders.KEYS_ENV, "/k"), "Linux", "/home/u", null));
        assertEquals(Path.of("/p"), DataFolders.keys(Map.of(DataFolders.KEYS_ENV, "/k"), "Linux", "/home/u", "/p"));
        Path data = DataFolders.resolve(null, Map.of(), "Mac OS X", "/Users/u");
        Path keys = DataFolders.keys(Map.of(), "Mac OS X", "/Users/u", null);
        assertEquals(false, keys.startsWith(data), "the keys are not inside the default data folder");
    }
}
