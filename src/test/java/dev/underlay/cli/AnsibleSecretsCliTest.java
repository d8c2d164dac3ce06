package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.app.AppContext;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list, through the CLI: Ansible's secret variables and names that say "secret" never appear in plain
 * in the database file, the JSON and CSV exports, {@code machines --json} (own and resolved), or a query.
 */
class AnsibleSecretsCliTest {
    private static final List<String> SECRETS = List.of("b3come-pw-1", "b3come-pass-2", "k3y-phrase-3", "v4ult-4",
            "sud0-5", "t0ken-6");
    private static final String INI = """
            [db]
            db01 ansible_host=10.0.0.1 ansible_become_password=b3come-pw-1 ansible_ssh_private_key_passphrase=k3y-phrase-3
            db02 ansible_host=10.0.0.2 ansible_become_pass=b3come-pass-2

            [db:vars]
            vault_db_password=v4ult-4
            ansible_sudo_pass=sud0-5
            API_TOKEN=t0ken-6
            env=prod
            """;

    @TempDir
    Path dir;

    @Test
    void ansibleSecretVariablesAreNeverInPlainAnywhere() throws IOException {
        Path hosts = dir.resolve("hosts.ini");
        Files.writeString(hosts, INI);
        Path d = dir.resolve("d");
        Cli.Result im = Cli.run("import", hosts.toString(), "--data", d.toString());
        assertEquals(0, im.code(), im.toString());
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        Cli.Result exJson = Cli.run("export", json.toString(), "--data", d.toString());
        Cli.Result exCsv = Cli.run("export", csv.toString(), "--data", d.toString());
        assertEquals(0, exJson.code(), exJson.toString());
        assertTrue(exJson.out().contains("machine db01: ansible_become_password"), exJson.out());
        assertTrue(exJson.out().contains("profile db: vault_db_password"), exJson.out());
        Cli.Result list = Cli.run("machines", "--json", "--data", d.toString());
        assertEquals(0, list.code(), list.toString());
        JsonNode db01 = Json.parse(list.out()).get(0);
        assertEquals("********", db01.get("params").get("ansible_become_password").asText());
        JsonNode resolvedVault = db01.get("resolved").get("vault_db_password");
        assertEquals("********", resolvedVault.get("value").asText());
        assertTrue(resolvedVault.get("secure").asBoolean(), resolvedVault.toString());
        assertEquals("profile db", resolvedVault.get("source").asText());
        assertFalse(db01.get("resolved").get("env").get("secure").asBoolean());
        assertEquals("prod", db01.get("resolved").get("env").get("value").asText());

        Cli.Result byValue = Cli.run("machines", "--query", "param:ansible_become_password=b3come-pw-1", "--data",
                d.toString());
        assertTrue(byValue.out().endsWith("0 machines\n"), "a query never compares a secure value: " + byValue);
        Cli.Result byGlob = Cli.run("machines", "--query", "param:vault_db_password=v4*", "--data", d.toString());
        assertTrue(byGlob.out().endsWith("0 machines\n"), byGlob.toString());
        Cli.Result isSet = Cli.run("machines", "--query", "param:ansible_become_password", "--data", d.toString());
        assertTrue(isSet.out().endsWith("1 machine\n"), "param:x still says whether it is set: " + isSet);

        String everything = im + exJson.toString() + exCsv + list + byValue + byGlob + isSet
                + Files.readString(json) + Files.readString(csv);
        for (String s : SECRETS) {
            assertFalse(everything.contains(s), s + " printed or exported");
        }
        try (Stream<Path> files = Files.walk(d)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String s : SECRETS) {
                    assertFalse(raw.contains(s), "plain " + s + " in " + p);
                }
            }
        }
        try (AppContext ctx = AppContext.open(d, false, Runnable::run)) {
            Inventory inv = ctx.inventory().inventory();
            var db = ctx.inventory().paramValues().reveal(inv, inv.machines().get("db01"));
            assertEquals("b3come-pw-1", db.text("ansible_become_password"));
            assertEquals("k3y-phrase-3", db.text("ansible_ssh_private_key_passphrase"));
            assertEquals("v4ult-4", db.text("vault_db_password"));
            assertEquals("t0ken-6", db.text("API_TOKEN"));
        }
        Cli.Result again = Cli.run("import", hosts.toString(), "--dry-run", "--data", d.toString());
        assertTrue(again.out().contains("0 to add, 0 to change"), "the same secrets again change nothing: " + again);
        Files.writeString(hosts, INI.replace("b3come-pw-1", "r0tated-7"));
        Cli.Result rotated = Cli.run("import", hosts.toString(), "--dry-run", "--data", d.toString());
        assertTrue(rotated.out().contains("machine db01: ansible_become_password: the stored secure value would "
                + "change"), rotated.out());
        assertFalse(rotated.toString().contains("r0tated-7"), rotated.toString());
    }
}
