package dev.underlay.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the databases under {@link Database} (decision 0035); the repositories' SQL is one text for
 * both. H2 keeps a commit in memory for up to a second and is told to write it ({@code CHECKPOINT}) and to sync its
 * file ({@code CHECKPOINT SYNC}); a PostgreSQL commit is durable when it returns (write-ahead log, fsync), so there
 * it does nothing. The migrations' own V1 and V2 differ too ({@link Migrations}).
 */
enum Dialect {
    H2(Migrations.H2) {
        @Override
        void afterCommit(Connection c, boolean sync) throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute(sync ? "CHECKPOINT SYNC" : "CHECKPOINT");
            }
        }

        @Override
        boolean heldByAnotherProcess(SQLException e) {
            return e.getErrorCode() == H2_LOCKED;
        }

        @Override
        <T> T streamed(Statement st, Database.Scan<T> scan) throws SQLException {
            st.execute("SET LAZY_QUERY_EXECUTION TRUE");
            try {
                return scan.run();
            } finally {
                st.execute("SET LAZY_QUERY_EXECUTION FALSE"); // the connection goes back to the pool as it came
            }
        }
    },
    POSTGRESQL(Migrations.POSTGRESQL) {
        @Override
        void afterCommit(Connection c, boolean sync) {
            // the commit is on the server's disk already (synchronous_commit): nothing to write or sync
        }

        @Override
        boolean heldByAnotherProcess(SQLException e) {
            return false; // a server is shared by design
        }

        @Override
        <T> T streamed(Statement st, Database.Scan<T> scan) throws SQLException {
            // the driver reads a fetch size's rows at a time only inside a transaction (a cursor)
            Connection c = st.getConnection();
            boolean own = c.getAutoCommit();
            int size = st.getFetchSize();
            if (own) {
                c.setAutoCommit(false);
            }
            st.setFetchSize(FETCH);
            try {
                T result = scan.run();
                if (own) {
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                if (own) {
                    c.rollback();
                }
                throw e;
            } finally {
                st.setFetchSize(size);
                if (own) {
                    c.setAutoCommit(true);
                }
            }
        }
    };

    /** H2's "database may be already in use": another process holds the file. */
    private static final int H2_LOCKED = 90020;
    /** Rows PostgreSQL's driver reads at a time in a streamed scan. */
    private static final int FETCH = 2_000;

    private final Migrations migrations;

    Dialect(Migrations migrations) {
        this.migrations = migrations;
    }

    /** Makes a commit that just returned survive the process (and, with {@code sync}, the machine). */
    abstract void afterCommit(Connection c, boolean sync) throws SQLException;

    /** True when {@code e}, got while opening, means another process holds the database. */
    abstract boolean heldByAnotherProcess(SQLException e);

    /** Runs {@code scan} on {@code st} with its rows streamed ({@link Database#streamed}). */
    abstract <T> T streamed(Statement st, Database.Scan<T> scan) throws SQLException;

    /** Where Flyway finds this database's migrations. */
    Migrations migrations() {
        return migrations;
    }
}
