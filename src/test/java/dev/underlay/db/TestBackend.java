package dev.underlay.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The databases a repository test runs on (decision 0035): H2 in the test's folder, as the console opens it, and
 * team mode's PostgreSQL in a throwaway cluster that one test JVM shares (started on first use, stopped when the
 * JVM ends). Each folder gets its own PostgreSQL database, copied from a migrated template, and the same folder
 * opened again is the same database, as a reopened H2 folder is. Where no PostgreSQL binaries are found the
 * PostgreSQL runs are skipped, saying why (failed under {@code CI=true}).
 */
public enum TestBackend {
    H2 {
        @Override
        public Database open(Path folder) {
            return Database.open(folder);
        }
    },
    POSTGRESQL {
        @Override
        public Database open(Path folder) {
            return Database.openTeamModePreview(Shared.url(folder), PostgresCluster.USER, "");
        }
    };

    /** Opens the database of {@code folder} on this backend (created and migrated on the first open). */
    public abstract Database open(Path folder);

    /** The cluster and the folders' databases, made on first use. */
    private static final class Shared {
        private static PostgresCluster cluster;
        private static Throwable unavailable;
        private static String base;
        private static final Map<Path, String> BY_FOLDER = new HashMap<>();

        static synchronized String url(Path folder) {
            try {
                start();
                String name = BY_FOLDER.get(folder.toAbsolutePath());
                if (name == null) {
                    name = "t" + (BY_FOLDER.size() + 1);
                    try (Connection c = DriverManager.getConnection(base + "postgres", PostgresCluster.USER, "");
                         Statement st = c.createStatement()) {
                        st.execute("CREATE DATABASE " + name + " TEMPLATE template_underlay");
                    }
                    BY_FOLDER.put(folder.toAbsolutePath(), name);
                }
                return base + name;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the test PostgreSQL cluster: " + e.getMessage(), e);
            }
        }

        private static void start() throws Exception {
            if (unavailable != null) {
                sneaky(unavailable); // skipped (or failed) once: the same for every later run
            }
            if (cluster != null) {
                return;
            }
            try {
                cluster = PostgresCluster.startOrSkip();
            } catch (Throwable t) {
                unavailable = t;
                throw t;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception e) {
                    System.err.println("TestBackend: the PostgreSQL cluster did not stop: " + e.getMessage());
                }
            }, "test-postgres-stop"));
            String url = cluster.newDatabase("template_underlay");
            base = url.substring(0, url.lastIndexOf('/') + 1);
            Database.openTeamModePreview(url, PostgresCluster.USER, "").close(); // migrated once, copied after
            System.out.println("TestBackend: PostgreSQL runs on " + cluster.version().strip());
        }

        @SuppressWarnings("unchecked")
        private static <T extends Throwable> void sneaky(Throwable t) throws T {
            throw (T) t;
        }
    }
}
