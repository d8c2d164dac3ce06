package dev.underlay.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Opens team mode's preview database on a PostgreSQL server (decision 0035). The pool is the one the H2 path uses
 * ({@link JdbcConnectionPool} pools any JDBC driver's {@link ConnectionPoolDataSource}), so both paths hand out and
 * take back connections alike. The driver is found by name: it stays out of the shipped jar until team mode ships.
 * The schema is migrated in place (a server has no file to migrate beside), with the fast path of the H2 open:
 * a schema whose history matches this build's migrations opens without Flyway.
 */
final class PostgresOpen {
    private static final String DATA_SOURCE = "org.postgresql.ds.PGConnectionPoolDataSource";

    private PostgresOpen() {
    }

    static Database open(String url, String user, String password) {
        String where = withoutQuery(url);
        JdbcConnectionPool pool = JdbcConnectionPool.create(dataSource(url, user, password, where));
        pool.setMaxConnections(16);
        try {
            try (Connection c = pool.getConnection()) {
                c.isValid(1);
            } catch (SQLException e) {
                throw new DatabaseException("cannot reach the team database at " + where + ": "
                        + Database.firstLine(e.getMessage()), e);
            }
            boolean created = false;
            if (!Database.schemaIsCurrent(pool, where, Dialect.POSTGRESQL)) {
                try {
                    MigrateResult r = Flyway.configure().dataSource(pool)
                            .locations(Dialect.POSTGRESQL.migrations().locations()).loggers("slf4j").load().migrate();
                    created = r.initialSchemaVersion == null;
                } catch (FlywayException e) {
                    throw new DatabaseException("cannot migrate the team database at " + where + ": "
                            + Database.firstLine(e.getMessage()), e);
                }
            }
            return new Database(null, pool, created, Dialect.POSTGRESQL);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static ConnectionPoolDataSource dataSource(String url, String user, String password, String where) {
        try {
            Object ds = Class.forName(DATA_SOURCE).getDeclaredConstructor().newInstance();
            ds.getClass().getMethod("setURL", String.class).invoke(ds, url);
            ds.getClass().getMethod("setUser", String.class).invoke(ds, user);
            ds.getClass().getMethod("setPassword", String.class).invoke(ds, password);
            return (ConnectionPoolDataSource) ds;
        } catch (ClassNotFoundException e) {
            throw new DatabaseException("cannot open the team database at " + where + ": this build has no "
                    + "PostgreSQL driver (team mode is a preview)", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DatabaseException("cannot open the team database at " + where + ": " + cause.getMessage(), e);
        }
    }

    /** The URL as it may be shown: a password in its query part is not. */
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
