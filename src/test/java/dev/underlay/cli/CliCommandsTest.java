package dev.underlay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliCommandsTest {
    @TempDir
    Path dir;

    private Path demo() throws IOException {
        Path a = dir.resolve("a");
        Cli.seedDemo(a);
        Path csv = dir.resolve("secret.csv");
        Files.writeString(csv, "name,params\nfra1-k8s-w01,\"{\"\"bmc_password\"\":\"\"hunter2\"\",\"\"rack_pdu\"\":2}\"\n");
        assertEquals(0, Cli.run("import", csv.toString(), "--data", a.toString()).code());
        return a;
    }

    @Test
    void machinesJsonHasTheShapeScriptsRelyOn() throws IOException {
        Path a = demo();
        Cli.Result r = Cli.run("machines", "--query", "name:fra1-k8s-w01", "--json", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(r.out().contains("hunter2"), r.out());
        JsonNode arr = Json.parse(r.out());
        assertEquals(1, arr.size());
        JsonNode m = arr.get(0);
        for (String f : new String[] {"name", "kind", "status", "site", "rack", "u", "address", "port", "user",
            "credential", "tags", "profiles", "params", "resolved"}) {
            assertTrue(m.has(f), "missing " + f + " in " + m);
        }
        assertEquals("fra1-k8s-w01", m.get("name").asText());
        assertTrue(m.get("port").isInt());
        assertTrue(m.get("tags").isArray() && m.get("profiles").isArray());
        assertEquals("********", m.get("params").get("bmc_password").asText());
        assertEquals(2, m.get("params").get("rack_pdu").intValue());
        JsonNode resolved = m.get("resolved");
        assertEquals("********", resolved.get("bmc_password").get("value").asText());
        assertEquals("machine fra1-k8s-w01", resolved.get("bmc_password").get("source").asText());
        JsonNode k8s = resolved.get("k8s_version");
        assertTrue(k8s.has("value") && k8s.get("source").asText().length() > 0, resolved.toString());
        boolean viaProfile = false;
        for (JsonNode v : resolved) {
            viaProfile |= v.get("source").asText().startsWith("profile ");
        }
        assertTrue(viaProfile, "some params come from profiles: " + resolved);
    }

    @Test
    void machinesTableIsAligned() throws IOException {
        Path a = demo();
        Cli.Result r = Cli.run("machines", "-q", "rack:fra1-r01", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("NAME "), r.out());
        int rackCol = lines[0].indexOf("RACK");
        int addrCol = lines[0].indexOf("ADDRESS");
        for (int i = 1; i < lines.length - 1; i++) {
            assertEquals("fra1-r01", lines[i].substring(rackCol, rackCol + 8), lines[i]);
            assertTrue(lines[i].substring(addrCol).matches("\\S+:\\d+.*"), lines[i]);
        }
        assertTrue(lines[lines.length - 1].matches("\\d+ machines?"), lines[lines.length - 1]);
    }

    @Test
    void badQueryIsOneLine() throws IOException {
        Cli.Result r = Cli.run("machines", "--query", "colour:red", "--data", dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("underlay: bad query: unknown field 'colour'"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void refusedImportPrintsFileLineFieldAndWritesNothing() throws IOException {
        Path a = demo();
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "name,site,rack,u\nnew01,fra1,fra1-r01,2\nnew02,fra1,fra1-r01,50\n");
        Cli.Result r = Cli.run("import", csv.toString(), "--data", a.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(csv + ":2: u: machine new01"), r.err());
        assertTrue(r.err().contains(csv + ":3: u: machine new02"), r.err());
        assertTrue(r.err().endsWith("underlay: import of " + csv + " refused (2 problems); nothing was written\n"),
                r.err());
        Cli.Result list = Cli.run("machines", "-q", "name:new*", "--data", a.toString());
        assertTrue(list.out().endsWith("0 machines\n"), list.out());
    }

    @Test
    void ansiblePasswordGoesToTheEncryptedStoreNeverToOutputOrTheDatabaseInPlain() throws IOException {
        Path f = dir.resolve("hosts.ini");
        Files.writeString(f, "[legacy]\nold01 ansible_user=admin ansible_password=s3cret\n");
        Path d = dir.resolve("d");
        Cli.Result dry = Cli.run("import", f.toString(), "--dry-run", "--data", d.toString());
        assertEquals(0, dry.code(), dry.toString());
        Cli.Result r = Cli.run("import", f.toString(), "--data", d.toString());
        assertEquals(0, r.code(), r.toString());
        assertFalse(dry.toString().contains("s3cret") || r.toString().contains("s3cret"));
        Cli.Result list = Cli.run("machines", "--json", "--data", d.toString());
        assertFalse(list.out().contains("s3cret"), list.out());
        assertTrue(list.out().contains("\"credential\" : \"ansible-password-admin\"")
                || list.out().contains("\"credential\":\"ansible-password-admin\""), list.out());
        try (var files = Files.list(d)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains("s3cret"), "plain secret in " + p);
            }
        }
    }

    @Test
    void ansibleKeyInventoryImportsThroughTheCli() throws IOException {
        Path f = dir.resolve("inventory.yaml");
        Files.writeString(f, "all:\n  children:\n    web:\n      hosts:\n        web[1:2]:\n"
                + "          ansible_user: deploy\n          ansible_ssh_private_key_file: /keys/deploy\n");
        Path d = dir.resolve("d");
        Cli.Result r = Cli.run("import", f.toString(), "--data", d.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("3 to add"), r.out());
        Cli.Result list = Cli.run("machines", "--json", "-q", "tag:web", "--data", d.toString());
        JsonNode arr = Json.parse(list.out());
        assertEquals(2, arr.size());
        assertEquals("ansible-key-deploy-deploy", arr.get(0).get("credential").asText());
    }

    @Test
    void helpVersionAndUsageErrors() {
        Cli.Result v = Cli.run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("underlay " + dev.underlay.about.BuildInfo.current().describe() + "\nJava "),
                v.out());
        for (String cmd : new String[] {"import", "export", "machines"}) {
            Cli.Result h = Cli.run(cmd, "--help");
            assertEquals(0, h.code(), h.toString());
            assertTrue(h.out().contains("Usage: underlay " + cmd) && h.out().contains("--data=DIR"), h.out());
        }
        Cli.Result none = Cli.run("frobnicate");
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("underlay: unknown command 'frobnicate'; commands are import, export,"),
                none.err());
        Cli.Result missing = Cli.run("import");
        assertEquals(2, missing.code());
        assertEquals("underlay: Missing required parameter: 'FILE' (see 'underlay import --help')\n", missing.err());
    }
}
