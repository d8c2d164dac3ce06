package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
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
    }

    @Test
    void onWindowsTheDataFolderIsUnderlayInAppDataOrTheUsersRoamingFolder() throws Exception {
        try (FileSystem windows = Jimfs.newFileSystem(Configuration.windows().toBuilder()
                .setWorkingDirectory("C:\\Users\\u").build())) {
            String home = "C:\\Users\\u";
            assertEquals("D:\\profiles\\u\\Roaming\\Underlay", DataFolders.resolve(null,
                    Map.of("APPDATA", "D:\\profiles\\u\\Roaming"), "Windows 11", home, windows).toString());
            for (Map<String, String> noAppData : List.of(Map.<String, String>of(), Map.of("APPDATA", " "),
                    Map.of("APPDATA", "Roaming"))) {
                assertEquals("C:\\Users\\u\\AppData\\Roaming\\Underlay",
                        DataFolders.resolve(null, noAppData, "Windows 10", home, windows).toString(),
                        "unset, blank or relative APPDATA: " + noAppData);
            }
            assertEquals("E:\\ops\\underlay", DataFolders.resolve(null, Map.of("UNDERLAY_HOME", "E:\\ops\\underlay",
                    "APPDATA", "D:\\x"), "Windows 11", home, windows).toString());
            assertEquals("C:\\Users\\u\\lab-data", DataFolders.resolve("lab-data", Map.of(), "Windows 11", home,
                    windows).toString(), "a relative --data is taken from the working folder");
        }
    }

    @Test
    void schemaVersionIsTheNewestMigrationShipped() throws Exception {
        Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
        int newest;
        try (var files = Files.list(migrations)) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElse(0);
        }
        assertEquals(newest, Database.SCHEMA_VERSION, "Database.SCHEMA_VERSION names the newest migration");
    }

    @Test
    void folderAtAnOlderSchemaIsMigratedWhenOpened() throws Exception {
        Path data = Files.createDirectories(dir.resolve("old"));
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + data.resolve(Database.FILE_NAME),
                "underlay", "");
        // the migration before the newest one this build carries (versions may have a gap while branches merge)
        Path migrations = Path.of(Database.class.getResource("/db/migration").toURI());
        int previous;
        try (var files = Files.list(migrations)) {
            previous = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .filter(v -> v < Database.SCHEMA_VERSION).max().orElse(1);
        }
        Flyway.configure().dataSource(pool).locations(Migrations.H2.locations())
                .target(Integer.toString(previous)).load().migrate();
        pool.dispose();
        try (Database db = Database.open(data); Connection c = db.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(\"installed_rank\") FROM \"flyway_schema_history\" "
                     + "WHERE \"version\" = '" + Database.SCHEMA_VERSION + "' AND \"success\"")) {
            assertFalse(db.created());
            assertTrue(rs.next() && rs.getInt(1) > 0, "the newest migration was applied on open");
        }
    }

    @Test
    void failedMigrationInTheHistoryIsNotOpenedAsCurrent() throws Exception {
        Path data = dir.resolve("failed");
        try (Database db = Database.open(data); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '"
                    + Database.SCHEMA_VERSION + "'");
        }
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(data).close());
        assertTrue(e.getMessage().startsWith("cannot migrate the database in "), e.getMessage());
    }
}
