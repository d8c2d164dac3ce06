package dev.underlay.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Database errors reach people as sentences, never with the SQL statement or H2's codes. */
class SqlErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aValueTooLongForItsColumnNamesTheFieldAndTheLimit() {
        try (Database db = Database.open(dir)) {
            SQLException e = assertThrows(SQLException.class, () -> db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO site(name, description) VALUES (?, '')")) {
                    ps.setString(1, "s".repeat(201));
                    return ps.executeUpdate();
                }
            }));
            assertEquals("a value is too long for site name (at most 200 characters)", SqlErrors.describe(e));
        }
    }

    @Test
    void otherErrorsLoseTheStatementAndTheCode() {
        try (Database db = Database.open(dir)) {
            SQLException e = assertThrows(SQLException.class, () -> db.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rack(name, site) VALUES ('r', 'nowhere')")) {
                    return ps.executeUpdate();
                }
            }));
            String s = SqlErrors.describe(e);
            assertEquals(false, s.contains("INSERT") || s.contains("[23"), s);
        }
    }

    @Test
    void postgresqlsTextLosesItsSeverityAndATooLongValueStillReadsAsOne() {
        assertEquals("duplicate key value violates unique constraint \"site_pkey\"", SqlErrors.describe(
                new java.sql.SQLException("ERROR: duplicate key value violates unique constraint \"site_pkey\"\n"
                        + "  Detail: Key (name)=(fra1) already exists.", "23505")));
        assertEquals("a value is too long for its field", SqlErrors.describe(
                new java.sql.SQLException("ERROR: value too long for type character varying(200)", "22001")));
    }
}
