package dev.underlay.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.ResolvedParam;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder where an older Underlay stored secure values in plain gets them sealed on its next open. */
class PlaintextAtRestTest {
    private static final String BECOME = "legacy-b3come-81f2";
    private static final String VAULT = "legacy-v4ult-0c9d";

    @TempDir
    Path dir;

    @Test
    void plaintextLeftByAnOlderVersionIsSealedOnOpenAndGoneFromTheFile() throws Exception {
        try (Database db = Database.open(dir); Connection c = db.connection(); Statement st = c.createStatement()) {
            // what an import before this change wrote: the values in the rows, in plain
            st.executeUpdate("INSERT INTO machine(name, kind, params_json) VALUES ('db01', 'bare-metal', "
                    + "'{\"ansible_become_password\":\"" + BECOME + "\",\"env\":\"prod\"}')");
            st.executeUpdate("INSERT INTO profile(name) VALUES ('db')");
            st.executeUpdate("INSERT INTO profile_param(profile, ordinal, name, value_json) VALUES ('db', 0, "
                    + "'vault_db_password', '\"" + VAULT + "\"')");
        }
        Path file = dir.resolve(Database.FILE_NAME + ".mv.db");
        assertTrue(raw(file).contains(BECOME), "the scan sees plain values");
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            Inventory inv = ctx.inventory().inventory();
            assertEquals(ResolvedParam.MASK, inv.machines().get("db01").params().get("ansible_become_password")
                    .asText());
            assertEquals(ResolvedParam.MASK, inv.profiles().get("db").params().get("vault_db_password").asText());
            var r = ctx.inventory().paramValues().reveal(inv, inv.machines().get("db01").toBuilder()
                    .profiles(java.util.List.of("db")).build());
            assertEquals(BECOME, r.text("ansible_become_password"));
            assertEquals(VAULT, r.text("vault_db_password"));
        }
        String after = raw(file);
        assertFalse(after.contains(BECOME), "old pages of the file still hold the plaintext");
        assertFalse(after.contains(VAULT), "old pages of the file still hold the plaintext");
        try (AppContext ctx = AppContext.open(dir, false, Runnable::run)) {
            assertEquals(ResolvedParam.MASK, ctx.inventory().inventory().machines().get("db01").params()
                    .get("ansible_become_password").asText());
        }
    }

    private static String raw(Path file) throws java.io.IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
