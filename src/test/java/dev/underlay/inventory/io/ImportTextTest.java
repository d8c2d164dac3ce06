package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every reader does with bytes that are not UTF-8 text, with syntax errors (in words, never the parser's),
 * and with more than one document; and that syntax and rule problems of one file come out together.
 */
class ImportTextTest {
    /** Words of Jackson's and SnakeYAML's own messages, which must never reach a user. */
    private static final Pattern PARSER_TEXT = Pattern.compile("Input length|code \\d|was expecting|JSON String, "
            + "Number|Unexpected character|Unrecognized token|<block|<scalar>|mapping start|snakeyaml|jackson|"
            + "MalformedInput|Exception", Pattern.CASE_INSENSITIVE);

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

    private ImportPlan plan(String name, byte[] bytes) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return importer.plan(f, InventoryFormat.guess(f));
    }

    private ImportPlan plan(String name, String text) throws IOException {
        return plan(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The one problem expected: at {@code line}, saying each fragment, in words. */
    private static ImportProblem only(ImportPlan p, int line, String... fragments) {
        assertFalse(p.ok(), "should be refused");
        assertEquals(1, p.problems().size(), p.problems().toString());
        ImportProblem pr = p.problems().get(0);
        assertEquals(line, pr.line(), pr.toString());
        for (String f : fragments) {
            assertTrue(pr.message().contains(f), pr.toString());
        }
        assertFalse(PARSER_TEXT.matcher(pr.message()).find(), "parser internals in: " + pr);
        assertTrue(p.changes().isEmpty());
        return pr;
    }

    /** Line 3 holds a Latin-1 "é" (0xE9), as a file saved in the wrong encoding does. */
    private static byte[] latin1OnLine3(String first, String second, String third) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((first + "\n" + second + "\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(third.getBytes(StandardCharsets.ISO_8859_1));
        b.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    @Test
    void everyReaderNamesTheLineByteAndOffsetOfTextThatIsNotUtf8() throws IOException {
        byte[] json = latin1OnLine3("{ \"format\": \"underlay-inventory\", \"version\": 1,", "\"sites\": [",
                "{ \"name\": \"caf\u00e9\" } ] }");
        int at = new String(json, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
        ImportProblem p = only(plan("enc.json", json), 3, "not UTF-8 text (byte 0xE9 at offset " + at + ")");
        assertEquals(dir.resolve("enc.json") + ":3: not UTF-8 text (byte 0xE9 at offset " + at + ")", p.toString());
        byte[] csv = latin1OnLine3("name,address", "a1,10.0.0.1", "caf\u00e9,10.0.0.2");
        only(plan("enc.csv", csv), 3, "not UTF-8 text (byte 0xE9 at offset " + offsetOfE9(csv) + ")");
        byte[] ini = latin1OnLine3("[web]", "a1", "caf\u00e9 ansible_host=10.0.0.2");
        only(plan("enc.ini", ini), 3, "not UTF-8 text (byte 0xE9 at offset 12)");
        byte[] yml = latin1OnLine3("all:", "  hosts:", "    caf\u00e9:");
        only(plan("enc.yml", yml), 3, "not UTF-8 text (byte 0xE9 at offset " + offsetOfE9(yml) + ")");
    }

    private static int offsetOfE9(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if ((b[i] & 0xFF) == 0xE9) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void binaryAndUtf16FilesAreNamedAsSuch() throws IOException {
        only(plan("bin.json", new byte[] {0x7B, 0x0A, 0x00, 0x01, 0x02}), 2, "not text (byte 0x00 at offset 2)",
                "binary");
        only(plan("u16.csv", "name\n".getBytes(StandardCharsets.UTF_16)), 1, "UTF-16", "save it as UTF-8");
        only(plan("cut.ini", new byte[] {'a', (byte) 0xC3}), 1, "byte 0xC3 at offset 1");
        // an overlong "/" and a UTF-16 surrogate written as UTF-8 are not UTF-8 either
        only(plan("over.ini", new byte[] {'a', (byte) 0xC0, (byte) 0xAF}), 1, "byte 0xC0 at offset 1");
        only(plan("sur.ini", new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}), 1, "byte 0xED at offset 1");
    }

    @Test
    void aByteOrderMarkFromASpreadsheetIsDropped() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "name,address\r\na1,10.0.0.1\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, 3);
        System.arraycopy(body, 0, csv, 3, body.length);
        ImportPlan p = plan("bom.csv", csv);
        assertTrue(p.ok(), p.problems().toString());
        assertEquals(List.of("machine a1"), p.added());
    }

    @Test
    void jsonSyntaxErrorsAreSaidInWords() throws IOException {
        String head = "{ \"format\": \"underlay-inventory\", \"version\": 1,\n";
        only(plan("comma.json", head + "\"sites\": [ { \"name\": \"a\", } ] }\n"), 2,
                "expected a field name in double quotes, found '}'", "','");
        only(plan("word.json", head + "\"sites\": [ { \"name\": fra1 } ] }\n"), 2, "'fra1' is not a JSON value");
        only(plan("open.json", head + "\"sites\": [ { \"name\": \"a\" }\n"), 3,
                "the file ends inside the list opened on line 2 (a ']' is missing)");
        only(plan("colon.json", head + "\"sites\" [ ] }\n"), 2, "expected ':' after the field name");
        only(plan("ctrl.json", head + "\"sites\": [ { \"name\": \"a\tb\" } ] }\n"), 2, "control character");
    }

    @Test
    void jsonWithASecondDocumentIsRefused() throws IOException {
        String inv = "{ \"format\": \"underlay-inventory\", \"version\": 1, \"sites\": [ { \"name\": \"a\" } ] }\n";
        only(plan("two.json", inv + inv), 2, "more follows the end of the inventory");
        only(plan("junk.json", inv + "x\n"), 2, "not valid JSON", "'x' is not a JSON value");
    }

    @Test
    void csvRowWithTooFewFieldsIsRefusedAndTheOtherRowsStillChecked() throws IOException {
        String header = String.join(",", CsvMachines.COLUMNS);
        ImportPlan p = plan("short.csv", header + "\nweb01,virtual\nweb02" + ",".repeat(17) + "\nweb03"
                + ",".repeat(8) + "ssh" + ",".repeat(9) + "\n");
        assertFalse(p.ok());
        assertEquals(2, p.problems().size(), p.problems().toString());
        assertEquals(2, p.problems().get(0).line());
        assertTrue(p.problems().get(0).message().contains("the row of web01 has 2 fields but the first line names 18 "
                + "columns"), p.problems().toString());
        assertEquals(4, p.problems().get(1).line());
        assertEquals("port", p.problems().get(1).field(), p.problems().toString());
    }

    @Test
    void csvUnknownColumnUnclosedQuoteAndRuleProblemsComeOutInOnePass() throws IOException {
        ImportPlan p = plan("many.csv", "name,colour,port,address\n"
                + "a1,red,99999,10.0.0.1\n"
                + "a2,blue,22,10.0.0.2\n"
                + "a3,green,22,\"10.0.0.3\n");
        assertFalse(p.ok());
        List<String> got = p.problems().stream().map(pr -> pr.line() + ":" + pr.field()).toList();
        assertEquals(List.of("1:colour", "2:port", "4:"), got, p.problems().toString());
        assertTrue(p.problems().get(1).message().contains("a port is 1 to 65535"), p.problems().toString());
        assertTrue(p.problems().get(2).message().contains("never closed"), p.problems().toString());
    }

    @Test
    void csvParamsThatAreNotJsonAreSaidInWords() throws IOException {
        ImportPlan p = plan("p.csv", "name,params\nz1,\"{\"\"env\"\": prod}\"\n");
        ImportProblem pr = only(p, 2, "params must be a JSON object", "'prod' is not a JSON value");
        assertEquals("params", pr.field());
    }

    @Test
    void csvExportGuardsFormulasAndImportTakesTheGuardOff() throws IOException {
        InventoryService service = importer.service();
        List<String> risky = List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tTAB", "'quoted");
        var ch = new dev.underlay.inventory.InventoryChanges();
        for (int i = 0; i < risky.size(); i++) {
            ch.machines.add(Machine.builder("m" + i).address(risky.get(i)).sshUser(risky.get(i))
                    .instanceId(risky.get(i)).build());
        }
        service.apply(ch);
        Path csv = dir.resolve("out.csv");
        new InventoryExporter().export(service.inventory(), csv, InventoryFormat.CSV);
        String text = Files.readString(csv);
        for (String line : text.split("\r\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0, "unguarded cell " + cell);
            }
        }
        assertTrue(text.contains(",'-2,"), text);
        assertTrue(text.contains(",''quoted,"), text);
        try (Database other = Database.open(dir.resolve("other"))) {
            InventoryService back = new InventoryService(new JdbcInventoryStore(other));
            ImportPlan p = new InventoryImporter(back).plan(csv, InventoryFormat.CSV);
            assertTrue(p.ok(), p.problems().toString());
            new InventoryImporter(back).apply(p);
            assertEquals(service.inventory().machines(), back.inventory().machines());
        }
    }
}
