package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations' layout (decision 0032): each database's own versions in its folder, the same versions in both,
 * none of them also shared; and a folder migrated while every file sat in {@code db/migration} still validates.
 */
class MigrationsTest {
    @TempDir
    Path dir;

    static Path folder(String name) throws Exception {
        return Path.of(Database.class.getResource("/db/" + name).toURI());
    }

    static Set<Integer> versions(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            Set<Integer> out = new TreeSet<>();
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .forEach(n -> out.add(Integer.parseInt(n.substring(1, n.indexOf("__")))));
            return out;
        }
    }

    @Test
    void eachDatabaseHasTheSameOwnVersionsAndNoneIsAlsoShared() throws Exception {
        Set<Integer> h2 = versions(folder("h2"));
        assertEquals(Set.of(1, 2), h2);
        assertEquals(h2, versions(folder("postgresql")), "a per-database migration needs both variants");
        Set<Integer> shared = versions(folder("migration"));
        assertTrue(shared.stream().noneMatch(h2::contains), "shared " + shared + ", per database " + h2);
        try (Stream<Path> sub = Files.list(folder("migration"))) {
            assertTrue(sub.noneMatch(Files::isDirectory), "Flyway scans subfolders: vendor folders go beside it");
        }
    }

    @Test
    void aFolderMigratedWhenEveryFileWasInOneFolderStillValidates() throws Exception {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        for (String f : new String[] {"migration", "h2"}) {
            try (Stream<Path> files = Files.list(folder(f))) {
                for (Path p : files.toList()) {
                    Files.copy(p, flat.resolve(p.getFileName()));
                }
            }
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("old"), "underlay", "");
        try {
            Flyway.configure().dataSource(pool).locations("filesystem:" + flat).load().migrate();
            Flyway now = Flyway.configure().dataSource(pool).locations(Migrations.H2.locations()).load();
            now.validate(); // same versions, descriptions and checksums: nothing to repair
            assertEquals(0, now.migrate().migrationsExecuted);
        } finally {
            pool.dispose();
        }
    }
}
