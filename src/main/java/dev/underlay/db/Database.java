package dev.underlay.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The embedded H2 database in a data folder, migrated by Flyway on open. One process holds a folder at a time;
 * a second one gets {@link DataFolderInUseException} with a sentence, not a stack trace. Team mode's preview opens
 * the same schema on a PostgreSQL server instead ({@link #openTeamModePreview}); what differs is in {@link Dialect}
 * (decision 0035).
 */
public final class Database implements AutoCloseable {
    /** File name (without H2's suffix) of the database inside the data folder. */
    public static final String FILE_NAME = "underlay";
    /**
     * The newest migration this build carries ({@code db/migration/V<n>__*.sql}, V1 and V2 in {@code db/h2}:
     * decision 0032); {@code DatabaseTest} keeps it
     * equal to the files. A folder already at this version opens without Flyway.
     */
    static final int SCHEMA_VERSION = 10;
    /**
     * Versions no migration of this build carries (a branch that lacks a migration another carries lists it
     * here; empty again once both are merged). Flyway allows the gap; the fast check must too.
     */
    private static final java.util.Set<Integer> NOT_CARRIED = java.util.Set.of();

    private final Path folder;
    private final Dialect dialect;
    private final JdbcConnectionPool pool;
    private final boolean created;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    private final WriteGate gate = new WriteGate();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean compact;
    /** The log path syncs the file at most this often. */
    private static final long SYNC_NANOS = 1_000_000_000L;
    private volatile long lastLogSync = System.nanoTime() - SYNC_NANOS;
    private final java.util.concurrent.atomic.AtomicLong logCommits = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong logSyncs = new java.util.concurrent.atomic.AtomicLong();

    Database(Path folder, JdbcConnectionPool pool, boolean created, Dialect dialect) {
        this.folder = folder;
        this.dialect = dialect;
        this.pool = pool;
        this.created = created;
    }

    /**
     * Opens the database in {@code folder}, creating it on a first start and migrating it after an upgrade; both
     * happen beside the real file and are moved into place at the end ({@link BesideMigration}).
     */
    public static Database open(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        try {
            // the database holds the inventory and sealed secrets: nobody but its owner reads the folder or the file
            OwnerOnly.createDirectories(abs);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create data folder " + abs + ": " + DataFolders.whyNotCreated(abs, e)
                    + "; choose another with --data DIR", e);
        }
        // folders made by an older Underlay (or by hand) were 755 and their file 644: tightened on every open
        OwnerOnly.restrict(abs, true);
        if (!Files.exists(abs.resolve(FILE_NAME + ".mv.db"))) {
            boolean created = BesideMigration.migrate(abs);
            return new Database(abs, openPool(abs), created, Dialect.H2);
        }
        JdbcConnectionPool pool = openPool(abs);
        boolean current;
        try {
            current = schemaIsCurrent(pool, abs.toString(), Dialect.H2);
        } catch (DatabaseException e) {
            pool.dispose();
            throw e;
        }
        if (current) {
            BesideMigration.removeLeftovers(abs);
            return new Database(abs, pool, false, Dialect.H2);
        }
        pool.dispose();
        boolean created = BesideMigration.migrate(abs);
        return new Database(abs, openPool(abs), created, Dialect.H2);
    }

    private static String url(Path abs) {
        // no trace file while opening: a folder another process holds would get this one's "file is locked" stack
        // trace in its underlay.trace.db; errors are traced again once the database is open (openPool)
        return "jdbc:h2:file:" + abs.resolve(FILE_NAME) + ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
    }

    private static JdbcConnectionPool openPool(Path abs) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url(abs), "underlay", "");
        pool.setMaxConnections(16);
        try (Connection c = pool.getConnection()) {
            c.isValid(1);
            try (Statement st = c.createStatement()) {
                st.execute("SET TRACE_LEVEL_FILE 1"); // errors, as H2's default
            }
            restrictFiles(abs);
            return pool;
        } catch (SQLException e) {
            pool.dispose();
            if (Dialect.H2.heldByAnotherProcess(e)) {
                throw new DataFolderInUseException(abs);
            }
            throw new DatabaseException("cannot open the database in " + abs + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * True when Flyway's history says every migration up to {@link #SCHEMA_VERSION}, and none after it, was applied,
     * none failed, and each applied script is this build's file with the checksum Flyway recorded for it: then there
     * is nothing to migrate or validate, and starting Flyway (its classes, the scan of the migrations, the
     * validation) would cost a quarter of a second of every start. A version above ours is refused here (Flyway
     * would ignore it as a "future" migration and open a schema this build does not know); anything else, no
     * history table included, goes through Flyway, which migrates or explains (decisions 0020, 0033).
     */
    static boolean schemaIsCurrent(JdbcConnectionPool pool, String abs, Dialect dialect) {
        java.util.Set<Integer> applied = new java.util.HashSet<>();
        boolean matches = true;
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"success\", \"script\", \"checksum\" "
                     + "FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            while (rs.next()) {
                int v = Integer.parseInt(rs.getString(1));
                applied.add(v);
                Integer sum = rs.getObject(4) == null ? null : rs.getInt(4);
                Integer ours = MigrationChecksums.of(dialect, v);
                matches &= rs.getBoolean(2) && rs.getString(3).startsWith("V" + v + "__")
                        && (ours == null ? NOT_CARRIED.contains(v) : ours.equals(sum));
            }
        } catch (SQLException | NumberFormatException e) {
            return false; // no history, or versions that are not ours: Flyway decides
        }
        int newest = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newest > SCHEMA_VERSION) {
            throw new DatabaseException("the database in " + abs + " was made by a newer Underlay (schema version "
                    + newest + "; this one knows up to " + SCHEMA_VERSION + "): open it with that version or newer", null);
        }
        for (int v = 1; v <= SCHEMA_VERSION; v++) {
            if (!applied.remove(v) && !NOT_CARRIED.contains(v)) {
                return false;
            }
        }
        return matches && applied.isEmpty();
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

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** A write in flight; {@link #close()} ends it. Never throws on close. */
    @FunctionalInterface
    public interface WritePermit extends AutoCloseable {
        @Override
        void close();
    }

    /** Work done in one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Marks the calling thread as writing until the permit is closed: a stop (Ctrl-C, SIGTERM) waits for it to end.
     * Nests: a unit of several transactions holds one permit around them all.
     *
     * @throws DatabaseException when the process is already stopping
     */
    public WritePermit beginWrite() {
        return gate.enter();
    }

    /**
     * Runs {@code work} in one transaction and commits it, or rolls it back on any error; then makes the commit
     * durable ({@code CHECKPOINT SYNC}): H2 otherwise keeps a commit in memory for up to a second, and a process
     * killed in that second would lose a change the user was told was saved (decision 0007).
     */
    public <T> T transaction(SqlWork<T> work) throws SQLException {
        try (WritePermit w = beginWrite(); Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                long t0 = System.nanoTime();
                LOG.debug("commit started");
                c.commit();
                LOG.debug("commit done in {} ms", (System.nanoTime() - t0) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            dialect.afterCommit(c, true);
            return result;
        }
    }

    /**
     * The log path, for frequent small writes whose loss window may be a second (a running job's output, decision
     * 0019): runs {@code work} in one transaction and commits it, then has H2 write the commit into the file
     * ({@code CHECKPOINT}: a process killed after this returns keeps it, since the operating system holds the
     * bytes) and syncs the file to the disk ({@code CHECKPOINT SYNC}) only when the last sync is a second old or
     * more. {@link #transaction} syncs after every commit; imports keep that.
     */
    public <T> T logTransaction(SqlWork<T> work) throws SQLException {
        try (WritePermit w = beginWrite(); Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                LOG.debug("log commit started"); // JobKillTest aims a kill at it
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            long now = System.nanoTime();
            boolean sync = now - lastLogSync >= SYNC_NANOS;
            dialect.afterCommit(c, sync);
            if (sync) {
                lastLogSync = now;
            }
            logCommits.incrementAndGet();
            if (sync) {
                logSyncs.incrementAndGet();
            }
            return result;
        }
    }

    /** A read of many rows, run by {@link #streamed}. */
    @FunctionalInterface
    public interface Scan<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code scan}, a query on {@code st} whose rows are many, with the rows handed over as they are read
     * instead of the database first copying them all into one result that lives through the scan (H2's lazy
     * execution; PostgreSQL's fetch size, in a transaction of its own where none is open). The statement and its
     * connection are left as they came.
     */
    public <T> T streamed(Statement st, Scan<T> scan) throws SQLException {
        return dialect.streamed(st, scan);
    }

    /** Commits and file syncs the log path has made (for tests and benchmarks): {@code {commits, syncs}}. */
    public long[] logPathCounts() {
        return new long[] {logCommits.get(), logSyncs.get()};
    }

    /** What {@link #stopWrites} found. */
    public enum ExitState {
        /** No write had begun since the folder was opened: the data is as it was. */
        NOTHING_WRITTEN,
        /** Changes were made and saved earlier; none was running when the stop came. */
        ALL_SAVED,
        /** A write was running when the stop came; it finished and was saved. */
        WRITES_FINISHED,
        /** A write was still running when the wait ended; H2 rolls it back on the next open. */
        STILL_WRITING
    }

    /**
     * For a process that was asked to stop (a JVM shutdown hook): refuses new writes and lets the ones in flight
     * finish, up to {@code waitMillis}. It does not close the database: other shutdown hooks (exec's summary) may
     * still read it, and every finished write is already durable, so a process that ends now leaves a consistent
     * folder.
     */
    public ExitState stopWrites(long waitMillis) {
        return switch (gate.drain(waitMillis)) {
            case NOTHING_WRITTEN -> ExitState.NOTHING_WRITTEN;
            case ALL_SAVED -> ExitState.ALL_SAVED;
            case WRITES_FINISHED -> ExitState.WRITES_FINISHED;
            case STILL_WRITING -> ExitState.STILL_WRITING;
        };
    }

    /**
     * Team mode's preview (ROADMAP, decision 0035; no console or CLI opens it yet): the schema on a PostgreSQL
     * server at {@code jdbcUrl}, migrated by Flyway with {@code db/postgresql} and {@code db/migration}. Needs the
     * PostgreSQL driver and Flyway's PostgreSQL support on the class path (test scope until team mode ships).
     * Commits are durable when they return, so nothing is checkpointed; {@link #folder()} is {@code null}.
     */
    public static Database openTeamModePreview(String jdbcUrl, String user, String password) {
        return PostgresOpen.open(jdbcUrl, user, password);
    }

    /** The data folder; {@code null} for a database on a server ({@link #openTeamModePreview}). */
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
     * Underlay) were replaced, only a full rewrite is sure to leave none of them. Nothing on PostgreSQL: its
     * databases are made by this Underlay, which never stored a secure value in plain (decision 0035).
     */
    public void compactOnClose() {
        compact = true;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean shutdown = compact || pool.getActiveConnections() > 0;
        // closing the pool's idle connections closes the database with the last one. A SHUTDOWN through one of
        // them made each of the others (and itself, on its way back to the pool) log "Database is already
        // closed" into underlay.trace.db: the pool goes first, a connection of its own shuts down what is left.
        pool.dispose();
        if (shutdown && dialect == Dialect.H2) {
            // a full rewrite was asked for, or a connection was not given back: shut the database down under it
            try {
                Connection c = java.sql.DriverManager.getConnection(url(folder), "underlay", "");
                try (var st = c.createStatement()) {
                    st.execute(compact ? "SHUTDOWN COMPACT" : "SHUTDOWN");
                }
            } catch (SQLException e) {
                // already closed: nothing to release (a shut-down connection needs no close)
            }
        }
    }
}
