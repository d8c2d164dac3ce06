package dev.underlay.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database in a data folder, migrated by Flyway on open. One process holds a folder at a time;
 * a second one gets {@link DataFolderInUseException} with a sentence, not a stack trace.
 */
public final class Database implements AutoCloseable {
    /** File name (without H2's suffix) of the database inside the data folder. */
    public static final String FILE_NAME = "underlay";
    /**
     * The newest migration this build carries ({@code db/migration/V<n>__*.sql}); {@code DatabaseTest} keeps it
     * equal to the files. A folder already at this version opens without Flyway.
     */
    static final int SCHEMA_VERSION = 4;
    private static final int H2_LOCKED = 90020;

    private final Path folder;
    private final JdbcConnectionPool pool;
    private final boolean created;
    private volatile boolean compact;

    private Database(Path folder, JdbcConnectionPool pool, boolean created) {
        this.folder = folder;
        this.pool = pool;
        this.created = created;
    }

    /** Opens (creating and migrating when needed) the database in {@code folder}. */
    public static Database open(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        try {
            // the database holds the inventory and sealed secrets: nobody but its owner reads the folder or the file
            OwnerOnly.createDirectories(abs);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create data folder " + abs + ": " + e.getMessage(), e);
        }
        // folders made by an older Underlay (or by hand) were 755 and their file 644: tightened on every open
        OwnerOnly.restrict(abs, true);
        boolean fresh = !Files.exists(abs.resolve(FILE_NAME + ".mv.db"));
        String url = "jdbc:h2:file:" + abs.resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "underlay", "");
        pool.setMaxConnections(16);
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            if (e.getErrorCode() == H2_LOCKED) {
                throw new DataFolderInUseException(abs);
            }
            throw new DatabaseException("cannot open the database in " + abs + ": " + firstLine(e.getMessage()), e);
        }
        restrictFiles(abs);
        if (!fresh && schemaIsCurrent(pool)) {
            return new Database(abs, pool, false);
        }
        try {
            MigrateResult r = Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
            return new Database(abs, pool, fresh || r.initialSchemaVersion == null);
        } catch (FlywayException e) {
            pool.dispose();
            throw new DatabaseException("cannot migrate the database in " + abs + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * True when Flyway's history says every migration up to {@link #SCHEMA_VERSION}, and none after it, was applied
     * and none failed: then there is nothing to migrate, and starting Flyway (its classes, the scan of the
     * migrations, the validation) would cost a quarter of a second of every console start. Anything else, no
     * history table included, goes through Flyway, which migrates or explains.
     */
    private static boolean schemaIsCurrent(JdbcConnectionPool pool) {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\" "
                     + "WHERE \"version\" IS NOT NULL")) {
            java.util.Set<Integer> applied = new java.util.HashSet<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(Integer.parseInt(rs.getString(1)));
            }
            for (int v = 1; v <= SCHEMA_VERSION; v++) {
                if (!applied.remove(v)) {
                    return false;
                }
            }
            return applied.isEmpty();
        } catch (SQLException | NumberFormatException e) {
            return false; // no history, or versions that are not ours: Flyway decides
        }
    }

    /** The database file and H2's companions (trace, temp) beside it: owner-only, however H2 created them. */
    private static void restrictFiles(Path folder) {
        try (var files = Files.newDirectoryStream(folder, FILE_NAME + ".*")) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    OwnerOnly.restrict(f, false);
                }
            }
        } catch (java.io.IOException e) {
            // listing a folder we just opened a database in does not fail; restrict() warns for each file it can't
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public Path folder() {
        return folder;
    }

    /** True when this open created the database (the first start on this folder). */
    public boolean created() {
        return created;
    }

    /**
     * Rewrites the whole file when closing ({@code SHUTDOWN COMPACT}): H2 keeps old versions of rows in pages it
     * has not yet reused, so after values that must not stay in the file (secrets stored in plain by an older
     * Underlay) were replaced, only a full rewrite is sure to leave none of them.
     */
    public void compactOnClose() {
        compact = true;
    }

    @Override
    public void close() {
        try (Connection c = pool.getConnection(); var st = c.createStatement()) {
            st.execute(compact ? "SHUTDOWN COMPACT" : "SHUTDOWN");
        } catch (SQLException e) {
            // already closed: nothing to release
        }
        pool.dispose();
    }
}
