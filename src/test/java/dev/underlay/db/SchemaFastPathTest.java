package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open that skips Flyway when the history says the schema is current (decisions 0020, 0033): it must still
 * refuse what Flyway would refuse, a folder of a newer Underlay and a history that does not match the migrations.
 */
class SchemaFastPathTest {
    @TempDir
    Path dir;

    private Path current(String name) {
        Path data = dir.resolve(name);
        Database.open(data).close();
        return data;
    }

    private static void sql(Path data, String statement) throws Exception {
        try (Database db = Database.open(data); Connection c = db.connection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void folderOfANewerUnderlayIsRefused() throws Exception {
        Path data = current("newer");
        sql(data, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (1000, '"
                + (Database.SCHEMA_VERSION + 1) + "', 'from a newer build', 'SQL', 'V" + (Database.SCHEMA_VERSION + 1)
                + "__newer.sql', 1, 'underlay', 1, TRUE)");
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(data).close());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void historyWhoseChecksumDoesNotMatchTheMigrationIsRefused() throws Exception {
        Path data = current("checksum");
        sql(data, "UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
        DatabaseException e = assertThrows(DatabaseException.class, () -> Database.open(data).close());
        assertTrue(e.getMessage().startsWith("cannot migrate the database in ")
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("checksum"), e.getMessage());
    }

    @Test
    void historyWithAVersionThatIsNotANumberGoesThroughFlyway() throws Exception {
        Path data = current("garbled");
        sql(data, "UPDATE \"flyway_schema_history\" SET \"version\" = 'x' WHERE \"version\" = '2'");
        assertThrows(DatabaseException.class, () -> Database.open(data).close());
    }

    @Test
    void currentFolderOpensAgainWithoutChange() {
        Path data = current("again");
        try (Database db = Database.open(data)) {
            assertFalse(db.created());
        }
    }

    @Test
    void checksumsTheFastPathKnowsAreFlywaysOwnForEveryMigration() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:checksums", "sa", "");
        try {
            MigrationInfo[] all = Flyway.configure().dataSource(pool).locations(Migrations.H2.locations()).load()
                    .info().all();
            assertEquals(Database.SCHEMA_VERSION, all.length);
            for (MigrationInfo m : all) {
                assertEquals(m.getChecksum(), MigrationChecksums.of(Integer.parseInt(m.getVersion().getVersion())),
                        m.getScript());
            }
        } finally {
            pool.dispose();
        }
    }
}
