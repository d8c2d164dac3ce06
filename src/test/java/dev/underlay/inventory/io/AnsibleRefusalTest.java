package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ansible inventories that Ansible refuses too, or that only an attacker writes, and large ones that must pass. */
class AnsibleRefusalTest {
    @TempDir
    Path dir;
    Database db;
    InventoryImporter importer;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        importer = new InventoryImporter(new InventoryService(new JdbcInventoryStore(db)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportPlan plan(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return importer.plan(f, InventoryFormat.ANSIBLE);
    }

    private static void refused(ImportPlan p, int line, String... fragments) {
        assertFalse(p.ok(), "should be refused");
        boolean found = p.problems().stream().anyMatch(pr -> pr.line() == line
                && java.util.Arrays.stream(fragments).allMatch(pr.message()::contains));
        assertTrue(found, "expected line " + line + " saying " + List.of(fragments) + " in " + p.problems());
        assertTrue(p.changes().isEmpty());
    }

    @Test
    void childrenThatContainEachOtherAreRefusedWithBothLines() throws IOException {
        ImportPlan p = plan("loop.ini", "[a]\nh1\n[b]\nh2\n[a:children]\nb\n[b:children]\na\n");
        refused(p, 8, "groups contain each other in a loop: a has child b (line 6), b has child a (line 8)");
        refused(plan("self.ini", "[a]\nh1\n[a:children]\na\n"), 4, "a has child a (line 4)");
        refused(plan("loop.yml", "all:\n  children:\n    a:\n      children:\n        b:\n          children:\n"
                + "            a:\n"), 7, "a has child b (line 5), b has child a (line 7)");
    }

    @Test
    void iniChildOrVarsOfAGroupNeverDeclaredAreRefusedAsAnsibleDoes() throws IOException {
        refused(plan("undeclared.ini", "[web]\nw1\n[prod:children]\nweb\ndb\n"), 5,
                "[prod:children] lists group db, which is never declared");
        refused(plan("vars.ini", "[web]\nw1\n[ghost:vars]\nx=1\n"), 3, "[ghost:vars]", "never declared");
        ImportPlan later = plan("later.ini", "[prod:children]\nweb\n[web]\nw1\n");
        assertTrue(later.ok(), "declared after it is listed is fine: " + later.problems());
    }

    @Test
    void everyBadLineOfAnIniFileIsReportedInOnePass() throws IOException {
        ImportPlan p = plan("bad.ini", "[web]\nw1 port\nw2:\nw[3:1]\nw4 motd=\"open\nw5:70000\n[web :vars]\n[x:stuff]\n");
        List<Integer> lines = p.problems().stream().map(ImportProblem::line).toList();
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), lines, p.problems().toString());
        refused(p, 3, "ends in ':' with no port after it");
        refused(p, 4, "counts down");
        refused(p, 5, "never closed");
        refused(p, 6, "a port is 1 to 65535");
        refused(p, 7, "is not a section header");
        refused(p, 8, "unknown kind");
    }

    @Test
    void yamlAliasesAndMergeKeysResolve() throws IOException {
        ImportPlan p = plan("alias.yml", "all:\n  vars:\n    base: &b {ntp: 10.0.0.1, dns: [a, b]}\n"
                + "    same: *b\n    more:\n      <<: *b\n      ntp: 10.9.9.9\n  hosts:\n    h1:\n");
        assertTrue(p.ok(), p.problems().toString());
        var all = p.changes().profiles.get(0);
        assertEquals(Json.parse("{\"ntp\":\"10.0.0.1\",\"dns\":[\"a\",\"b\"]}"), all.params().get("same"));
        assertEquals(Json.parse("{\"ntp\":\"10.9.9.9\",\"dns\":[\"a\",\"b\"]}"), all.params().get("more"));
        assertFalse(all.params().containsKey("<<"));
    }

    @Test
    void billionLaughsIsRefusedAtTheAliasThatCrossesTheBound() throws IOException {
        StringBuilder y = new StringBuilder("all:\n  vars:\n    l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            String prev = "*l" + (i - 1);
            y.append("    l").append(i).append(": &l").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        long t0 = System.nanoTime();
        ImportPlan p = plan("laughs.yml", y.toString());
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "refused without expanding");
        assertFalse(p.ok());
        ImportProblem pr = p.problems().get(0);
        assertTrue(pr.message().contains("billion laughs") && pr.message().startsWith("alias *l"), pr.toString());
        assertTrue(pr.line() >= 4 && pr.line() <= 13, pr.toString());
    }

    @Test
    void yamlAliasMistakesAreNamedWithTheirLine() throws IOException {
        refused(plan("undef.yml", "all:\n  vars:\n    a: *nowhere\n"), 3, "alias *nowhere names no anchor");
        refused(plan("self.yml", "all:\n  vars:\n    a: &me\n      - *me\n"), 4, "inside the value of its own anchor");
        refused(plan("merge.yml", "all:\n  vars:\n    a: {<<: [1, 2]}\n"), 3, "merge key (<<) takes a mapping");
    }

    @Test
    void aSecondYamlDocumentIsRefused() throws IOException {
        refused(plan("two.yml", "all:\n  hosts:\n    h1:\n---\nall:\n  hosts:\n    h2:\n"), 4,
                "a second YAML document starts here");
    }

    @Test
    void yamlSyntaxErrorsAndDuplicatesAreSaidInWords() throws IOException {
        ImportPlan p = plan("tab.yml", "all:\n  hosts:\n\th1:\n");
        refused(p, 3, "a tab; YAML indents with spaces only");
        refused(plan("dup.yml", "all:\n  hosts:\n    h1:\n    h1:\n"), 4, "appears twice", "lines 3 and 4");
        refused(plan("indent.yml", "all:\n  hosts:\n    h1:\n   h2:\n"), 4, "indented differently");
        for (ImportProblem pr : plan("flow.yml", "all: {hosts: [a\n").problems()) {
            assertFalse(pr.message().matches("(?s).*(<|expected ',' or|snakeyaml).*"), pr.toString());
        }
    }

    @Test
    void aFiftyThousandHostYamlInventoryOfFiveMegabytesImports() throws IOException {
        Path f = dir.resolve("big.yml");
        try (BufferedWriter w = Files.newBufferedWriter(f)) {
            w.write("all:\n  vars:\n    common: &common\n      ntp: 10.0.0.1\n      dns: 10.0.0.53\n  children:\n"
                    + "    fleet:\n      hosts:\n");
            for (int i = 0; i < 50_000; i++) {
                w.write(String.format("        host%05d.fleet.example.net:2222:%n          ansible_host: 10.%d.%d.%d"
                        + "%n          <<: *common%n          rack: rack-%04d%n          serial: SN-%08d%n"
                        + "          note: \"a host of the fleet, number %d\"%n", i, i >> 16 & 255, i >> 8 & 255,
                        i & 255, i / 40, i, i));
            }
        }
        assertTrue(Files.size(f) > 5_000_000, "at least 5 MB: " + Files.size(f));
        ImportPlan p = importer.plan(f, InventoryFormat.ANSIBLE);
        assertTrue(p.ok(), () -> p.problems().subList(0, Math.min(3, p.problems().size())).toString());
        assertEquals(50_000, p.added().stream().filter(a -> a.startsWith("machine ")).count());
        var m = p.changes().machines.stream().filter(x -> x.name().equals("host49999.fleet.example.net"))
                .findFirst().orElseThrow();
        assertEquals(2222, m.sshPort());
        assertEquals("10.0.195.79", m.address());
        assertEquals("10.0.0.1", m.params().get("ntp").asText());
    }
}
