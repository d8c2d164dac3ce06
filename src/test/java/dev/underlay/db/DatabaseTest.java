package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void firstOpenCreatesAndMigratesSecondOpenDoesNot() {
        try (Database db = Database.open(dir.resolve("data"))) {
            assertTrue(db.created());
        }
        assertTrue(Files.exists(dir.resolve("data").resolve(Database.FILE_NAME + ".mv.db")));
        try (Database db = Database.open(dir.resolve("data"))) {
            assertFalse(db.created());
        }
    }

    @Test
    void dataFolderResolutionFollowsOptionThenEnvThenPlatform() {
        assertEquals(Path.of("/x/opt"), DataFolders.resolve("/x/opt", Map.of("UNDERLAY_HOME", "/x/env"),
                "Linux", "/home/u"));
        assertEquals(Path.of("/x/env"), DataFolders.resolve(null, Map.of("UNDERLAY_HOME", "/x/env"),
                "Linux", "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/underlay"), DataFolders.resolve(null, Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("/xdg/underlay"), DataFolders.resolve(null, Map.of("XDG_DATA_HOME", "/xdg"),
                "Linux", "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Application Support/Underlay"),
                DataFolders.resolve(null, Map.of(), "Mac OS X", "/Users/u"));
        assertEquals(Path.of("C:/Users/u/AppData/Roaming/Underlay").getFileName(),
                DataFolders.resolve(null, Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 11", "C:/Users/u")
                        .getFileName());
    }
}
