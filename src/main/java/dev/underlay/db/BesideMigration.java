package dev.underlay.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Creates or migrates a data folder's database beside the real file ({@code underlay-next.mv.db}) and moves the
 * result into place with one rename, so that a process stopped at any point of a first start or an upgrade leaves
 * the folder as it was: H2 runs DDL outside transactions, and a migration cut short would otherwise leave tables
 * that Flyway's history does not know, a folder no later start could open (decision 0007).
 */
final class BesideMigration {
    static final String NEXT = Database.FILE_NAME + "-next";

    private BesideMigration() {
    }

    /**
     * Migrates {@code folder}'s database, or creates it when there is none; the database must not be open.
     *
     * @return true when the result is a new database (Flyway found no schema)
     */
    static boolean migrate(Path folder) {
        Path main = folder.resolve(Database.FILE_NAME + ".mv.db");
        Path next = folder.resolve(NEXT + ".mv.db");
        boolean existed = Files.exists(main);
        try {
            removeLeftovers(folder);
            if (existed) {
                Files.copy(main, next);
            }
            MigrateResult r;
            JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve(NEXT)
                    + ";DB_CLOSE_ON_EXIT=FALSE", "underlay", "");
            try {
                r = Flyway.configure().dataSource(pool).locations(Migrations.H2.locations()).loggers("slf4j")
                        .load().migrate();
            } finally {
                pool.dispose(); // the last connection closes the database: the file is complete
            }
            sync(next);
            if (existed) {
                Files.move(next, main, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(next, main); // refuses to replace a database another process made meanwhile
            }
            sync(folder);
            return r.initialSchemaVersion == null;
        } catch (FlywayException e) {
            removeLeftovers(folder);
            throw new DatabaseException("cannot migrate the database in " + folder + ": "
                    + Database.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            removeLeftovers(folder);
            throw new DatabaseException("cannot " + (existed ? "migrate" : "create") + " the database in " + folder
                    + ": " + e.getMessage(), e);
        }
    }

    /** A migration that was stopped leaves its copy behind: it was never moved into place, so it goes. */
    static void removeLeftovers(Path folder) {
        for (String suffix : new String[] {".mv.db", ".trace.db", ".mv.db.tempFile"}) {
            try {
                Files.deleteIfExists(folder.resolve(NEXT + suffix));
            } catch (IOException e) {
                // left for the next start to try again; it is never read
            }
        }
    }

    private static void sync(Path p) throws IOException {
        try (FileChannel ch = FileChannel.open(p, Files.isDirectory(p)
                ? new StandardOpenOption[] {StandardOpenOption.READ}
                : new StandardOpenOption[] {StandardOpenOption.WRITE})) {
            ch.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(p)) {
                throw e;
            }
            // some platforms cannot open a directory to sync it; the rename is still atomic
        }
    }
}
