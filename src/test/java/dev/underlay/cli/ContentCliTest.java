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

class ContentCliTest {
    @TempDir
    Path dir;

    @Test
    void bundledPacksInstallOnTheDemoAndListExportAndRender() throws IOException {
        Path a = dir.resolve("a");
        Cli.seedDemo(a);
        Cli.Result r = Cli.run("content", "import", "--bundled", "all", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("installed kubernetes 1.1.0: 5 tasks, 5 stages, 1 workflow"), r.out());
        assertTrue(r.out().contains("note: param ntp_servers: kept the inventory's own definition"), r.out());

        r = Cli.run("content", "list", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("rolling-reboot") && r.out().endsWith("5 content packs\n"), r.out());
        JsonNode list = Json.parse(Cli.run("content", "list", "--json", "--data", a.toString()).out());
        assertEquals("baseline", list.get(0).get("name").asText());

        r = Cli.run("content", "import", "--bundled", "health", "--data", a.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("underlay: content pack health refused, nothing written: health.yaml:6: version: content pack "
                + "health 1.1.0 is installed; 1.1.0 is the same version and replaces it only when asked (--replace)\n",
                r.err());

        Path out = dir.resolve("baseline.yaml");
        r = Cli.run("content", "export", "baseline", out.toString(), "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.readString(out).contains("hostnamectl set-hostname {{ machine.name | quote }}"));

        // what-if: the demo's baseline profile gives fra1 machines their NTP servers
        r = Cli.run("render", "baseline-chrony", "--machine", "fra1-k8s-w01", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("# file /etc/chrony/chrony.conf (mode 0644, owner root:root)\n"), r.out());
        assertTrue(r.out().contains("pool ntp1.fra1.example.internal iburst\n"), r.out());

        r = Cli.run("params", "fra1-k8s-w01", "--task", "baseline-chrony", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("os_family") && r.out().contains("default"), r.out());
        assertTrue(r.out().contains("profile baseline (via k8s-node)"), r.out());

        r = Cli.run("render", "k8s-init", "--machine", "fra1-k8s-cp01", "--data", a.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("underlay: task k8s-init on fra1-k8s-cp01: required param k8s_first_control_plane is not set "
                + "(not on the machine, its profiles, its clusters' profiles, global, or a default)\n", r.err());
    }

    @Test
    void aBadPackFileIsRefusedWithItsLines() throws IOException {
        Path a = dir.resolve("a");
        Path pack = dir.resolve("bad.yaml");
        Files.writeString(pack, "name: bad\nversion: 1\ntasks:\n  t1:\n    templates:\n      - script: echo {{ x\n"
                + "stages:\n  s1:\n    tasks: [t1, t2]\n");
        Cli.Result r = Cli.run("content", "import", pack.toString(), "--data", a.toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().startsWith("underlay: content pack bad refused, nothing written: 2 problems:\n  "
                + pack + ":6: templates: task t1 template #1: line 1:"), r.err());
        assertTrue(r.err().contains(pack + ":9: tasks: stage s1 names task t2, which no installed pack or this one "
                + "has"), r.err());
        assertFalse(Cli.run("content", "list", "--data", a.toString()).out().contains("bad"));
    }

    @Test
    void removeRefusesAWrongVersionAndAPrerequisiteThenSaysWhatItRemoved() throws IOException {
        Path a = dir.resolve("a");
        assertEquals(0, Cli.run("content", "import", "--bundled", "all", "--data", a.toString()).code());
        Path needs = dir.resolve("needs.yaml");
        Files.writeString(needs, "name: needs-health\nversion: 1\nprerequisites: [health]\n");
        assertEquals(0, Cli.run("content", "import", needs.toString(), "--data", a.toString()).code());
        Cli.Result r = Cli.run("content", "remove", "health", "--version", "1.0.0", "--data", a.toString());
        assertEquals("underlay: content pack health 1.1.0 is installed, not 1.0.0: nothing removed\n", r.err());
        r = Cli.run("content", "remove", "health", "--data", a.toString());
        assertEquals("underlay: content pack health is a prerequisite of needs-health: remove it first; nothing "
                + "removed\n", r.err());
        assertEquals(0, Cli.run("content", "remove", "needs-health", "--data", a.toString()).code());
        r = Cli.run("content", "remove", "health", "--version", "1.1.0", "--data", a.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("removed content pack health 1.1.0: 4 tasks, 1 stages, 1 workflows (its params and profiles "
                + "stay in the inventory)\n", r.out());
        assertFalse(Cli.run("content", "list", "--data", a.toString()).out().contains("health "));
        r = Cli.run("content", "remove", "health", "--data", a.toString());
        assertEquals("underlay: no content pack named health is installed\n", r.err());
    }
}
