package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All problems of a file in one pass: bad values and broken rules together, in line order, and never a word of
 * the parser's own (Jackson's, SnakeYAML's) in a message.
 */
class ImportOnePassTest {
    /** What gives a parser's internals away: class names, token names, its location format, char codes. */
    private static final Pattern INTERNALS = Pattern.compile("com\\.fasterxml|jackson|snakeyaml|JsonToken|"
            + "START_OBJECT|END_ARRAY|VALUE_[A-Z]|FIELD_NAME|\\[Source|Source: |line: \\d|column: \\d|\\(code \\d|"
            + "was expecting|MismatchedInput|Exception|\\bat \\[", Pattern.CASE_INSENSITIVE);
    private static final String HEAD = "{ \"format\": \"underlay-inventory\", \"version\": 1,\n";

    @TempDir
    Path dir;
    Database db;
    InventoryImporter importer;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        InventoryService service = new InventoryService(new JdbcInventoryStore(db));
        InventoryChanges ch = new InventoryChanges();
        ch.sites.add(new Site("fra1", ""));
        ch.sites.add(new Site("ams1", ""));
        ch.racks.add(new Rack("r1", "fra1", 42, "A", 1));
        ch.machines.add(Machine.builder("old01").site("fra1").placed("r1", 10, 2, Face.FRONT).build());
        service.apply(ch);
        importer = new InventoryImporter(service);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private ImportPlan plan(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return importer.plan(f, InventoryFormat.guess(f));
    }

    private static List<String> where(ImportPlan p) {
        return p.problems().stream().map(pr -> pr.line() + ":" + pr.field()).toList();
    }

    @Test
    void jsonBadValuesAndBrokenRulesComeOutTogetherInLineOrder() throws IOException {
        ImportPlan p = plan("many.json", HEAD + "\"machines\": [\n"
                + "  {\"name\": \"a1\", \"port\": \"ssh\"},\n"
                + "  {\"name\": \"a2\", \"status\": \"broken\"},\n"
                + "  {\"name\": \"a3\", \"site\": \"fra1\", \"rack\": \"r1\", \"u\": 11},\n"
                + "  {\"name\": \"a4\", \"site\": \"ams1\", \"rack\": \"r1\", \"u\": 30},\n"
                + "  {\"name\": \"a5\", \"colour\": \"red\", \"profiles\": [\"nope\"]}\n"
                + "] }\n");
        assertFalse(p.ok());
        assertEquals(List.of("3:port", "4:status", "5:u", "6:rack", "7:colour", "7:profiles"), where(p),
                p.problems().toString());
        assertTrue(p.problems().get(2).message().contains("old01"), "the overlap names both: " + p.problems());
    }

    @Test
    void csvBadCellsAndBrokenRulesComeOutTogether() throws IOException {
        ImportPlan p = plan("many.csv", "name,site,rack,u,height,face,port,status\n"
                + "b1,fra1,r1,40,1,front,ssh,new\n"
                + "b2,fra1,r1,11,1,front,22,new\n"
                + "b3,fra1,r1,20,1,sideways,22,new\n"
                + "b4,ams1,r1,30,1,front,22,borked\n");
        assertEquals(List.of("2:port", "3:u", "4:face", "5:rack", "5:status"), where(p).stream().sorted().toList(),
                p.problems().toString());
    }

    @Test
    void noMessageShowsTheParsersInternals() throws IOException {
        Map<String, String> files = Map.ofEntries(
                Map.entry("a.json", HEAD + "\"sites\": [ { \"name\": \"a\", } ] }\n"),
                Map.entry("b.json", HEAD + "\"sites\": [ { \"name\": fra1 } ] }\n"),
                Map.entry("c.json", HEAD + "\"sites\": [ { \"name\": \"a\" }\n"),
                Map.entry("d.json", HEAD + "\"sites\": { \"name\": \"a\" } }\n"),
                Map.entry("e.json", HEAD + "\"machines\": [ { \"name\": \"m\", \"port\": 1e400, \"u\": 01 } ] }\n"),
                Map.entry("f.json", "[1, 2]\n"),
                Map.entry("g.json", HEAD + "\"machines\": [ { \"name\": \"m\", \"tags\": \"x\", \"params\": [1] } ] }"),
                Map.entry("h.json", HEAD + "\"sites\": [ { \"name\": \"a\" ] }\n"),
                Map.entry("i.json", HEAD + "\"sites\": [ { \"name\": \"a\\q\" } ] }\n"),
                Map.entry("j.csv", "name,params\nm1,\"{\"\"a\"\": [1,}\"\nm2,\"[1]\"\nm3,{'a': 1}\n"),
                Map.entry("k.yml", "all:\n  hosts:\n    a: {ansible_port: [1, 2}\n"),
                Map.entry("l.yml", "all:\n  hosts:\n    a:\n  - b\n"),
                Map.entry("m.yml", "all:\n  children:\n    web: [1]\n"),
                Map.entry("n.ini", "[web]\nweb01 ansible_port=[1, 2\nweb02 ansible_host='x\n"));
        for (Map.Entry<String, String> e : files.entrySet()) {
            ImportPlan p = plan(e.getKey(), e.getValue());
            assertFalse(p.ok(), e.getKey() + " should be refused");
            for (ImportProblem pr : p.problems()) {
                assertFalse(INTERNALS.matcher(pr.message()).find(), e.getKey() + ": " + pr);
            }
        }
    }
}
