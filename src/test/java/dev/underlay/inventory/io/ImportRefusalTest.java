package dev.underlay.inventory.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input is refused with file, line and field, and nothing is written. */
class ImportRefusalTest {
    @TempDir
    Path dir;
    Database db;
    InventoryService service;
    InventoryImporter importer;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        service = new InventoryService(new JdbcInventoryStore(db));
        InventoryChanges ch = new InventoryChanges();
        ch.sites.add(new Site("fra1", ""));
        ch.racks.add(new Rack("r1", "fra1", 42, "A", 1));
        ch.machines.add(Machine.builder("old01").site("fra1").placed("r1", 10, 2, Face.FRONT)
                .status(MachineStatus.RETIRED).build());
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

    /** Asserts one problem at line/field whose message contains each fragment, and that nothing was written. */
    private void refused(ImportPlan p, int line, String field, String... fragments) {
        assertFalse(p.ok(), "should be refused");
        boolean found = p.problems().stream().anyMatch(pr -> pr.line() == line && pr.field().equals(field)
                && java.util.Arrays.stream(fragments).allMatch(pr.message()::contains));
        assertTrue(found, "expected line " + line + " field " + field + " in " + p.problems());
        assertTrue(p.changes().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> importer.apply(p));
        assertEquals(1, new InventoryService(new JdbcInventoryStore(db)).inventory().machines().size());
    }

    @Test
    void jsonSyntaxErrorNamesItsLine() throws IOException {
        ImportPlan p = plan("bad.json", "{\n  \"format\": \"underlay-inventory\",\n  \"version\": 1,\n"
                + "  \"machines\": [ { \"name\": \"a\" \n ]\n}\n");
        refused(p, 5, "", "not valid JSON");
        assertTrue(p.problems().get(0).toString().startsWith(dir.resolve("bad.json") + ":5: "), p.problems().toString());
    }

    @Test
    void jsonBadEnumAndNumberNameTheirLinesAndFields() throws IOException {
        ImportPlan p = plan("m.json", "{ \"format\": \"underlay-inventory\", \"version\": 1,\n"
                + "\"machines\": [ {\n \"name\": \"a1\",\n \"kind\": \"mainframe\",\n \"u\": \"ten\",\n"
                + " \"face\": \"side\",\n \"status\": \"broken\",\n \"hieght\": 2 } ] }\n");
        refused(p, 4, "kind", "unknown machine kind 'mainframe'");
        refused(p, 5, "u", "whole number");
        refused(p, 6, "face", "unknown face 'side'");
        refused(p, 7, "status", "unknown status 'broken'");
        refused(p, 8, "hieght", "unknown field 'hieght'");
    }

    @Test
    void jsonDuplicateNameNamesBothLines() throws IOException {
        ImportPlan p = plan("d.json", "{ \"format\": \"underlay-inventory\", \"version\": 1,\n\"machines\": [\n"
                + "{ \"name\": \"a1\" },\n{ \"name\": \"a2\" },\n{ \"name\": \"a1\" } ] }\n");
        refused(p, 5, "name", "machine a1 is defined twice", "lines 3 and 5");
    }

    @Test
    void jsonWrongFormatIsRefused() throws IOException {
        refused(plan("x.json", "{ \"format\": \"other\" }"), 1, "format", "not an Underlay inventory");
        refused(plan("y.json", "[1, 2]"), 1, "", "not an Underlay inventory");
    }

    @Test
    void jsonRuleViolationPointsAtTheEntityAndField() throws IOException {
        ImportPlan p = plan("r.json", "{ \"format\": \"underlay-inventory\", \"version\": 1,\n\"machines\": [\n"
                + "{ \"name\": \"a1\", \"site\": \"fra1\",\n  \"rack\": \"r9\", \"u\": 3 },\n"
                + "{ \"name\": \"a2\", \"site\": \"fra1\", \"rack\": \"r1\",\n\n  \"u\": 11 } ] }\n");
        refused(p, 4, "rack", "rack 'r9', which does not exist");
        refused(p, 7, "u", "a2", "old01", "U11");
    }

    @Test
    void csvUnknownColumnIsRefusedOnLineOne() throws IOException {
        refused(plan("u.csv", "name,rack,colour\na1,r1,red\n"), 1, "colour", "unknown column 'colour'");
    }

    @Test
    void csvDuplicateNameNamesBothLines() throws IOException {
        refused(plan("d.csv", "name,address\na1,10.0.0.1\na2,10.0.0.2\na1,10.0.0.3\n"), 4, "name",
                "lines 2 and 4");
    }

    @Test
    void csvUOverlapNamesBothMachinesAndTheU() throws IOException {
        ImportPlan p = plan("o.csv", "name,site,rack,u,height\nnew01,fra1,r1,11,1\n");
        refused(p, 2, "u", "new01", "old01", "U11");
    }

    @Test
    void csvOverlapInsideTheFileIsReportedOnTheLaterMachine() throws IOException {
        ImportPlan p = plan("o2.csv", "name,site,rack,u\nx1,fra1,r1,20\nx2,fra1,r1,20\n");
        refused(p, 3, "u", "x2", "x1", "U20");
    }

    @Test
    void csvMissingRackBadNumbersAndEnumsNameTheirColumn() throws IOException {
        ImportPlan made = plan("r.csv", "name,site,rack,u\nz1,fra1,nowhere,1\n");
        assertTrue(made.ok(), "a CSV cannot carry racks, so the import makes the one it names: " + made.problems());
        assertEquals(List.of("rack nowhere", "machine z1"), made.added());
        assertEquals(List.of("rack nowhere is not in this data folder: made in site fra1, 42U high (a CSV does not "
                + "carry a rack's height, row or position)"), made.notes());
        refused(plan("n.csv", "name,u,port\nz1,x,22\nz2,,ssh\n"), 2, "u", "whole number, not 'x'");
        refused(plan("n2.csv", "name,u,port\nz1,x,22\nz2,,ssh\n"), 3, "port", "whole number, not 'ssh'");
        refused(plan("e.csv", "name,kind,face,status\nz1,blade,front,new\nz2,virtual,top,new\nz3,cloud,,up\n"),
                2, "kind", "unknown machine kind 'blade'");
        refused(plan("e2.csv", "name,face\nz2,top\n"), 2, "face", "unknown face 'top'");
        refused(plan("e3.csv", "name,status\nz3,up\n"), 2, "status", "unknown status 'up'");
    }

    @Test
    void csvUnclosedQuoteAndBadParamsAreRefused() throws IOException {
        refused(plan("q.csv", "name,address\nz1,\"10.0.0.1\nz2,x\n"), 2, "", "never closed");
        refused(plan("p.csv", "name,params\nz1,{not json}\n"), 2, "params", "JSON object");
    }

    @Test
    void retiredMachineCannotJumpToReady() throws IOException {
        refused(plan("s.csv", "name,status\nold01,ready\n"), 2, "status", "retired machine cannot become ready");
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        ImportPlan p = importer.plan(dir.resolve("none.csv"), InventoryFormat.CSV);
        assertEquals("no such file", p.problems().get(0).message());
    }

    @Test
    void csvWithSomeColumnsKeepsTheOtherFieldsOfExistingMachines() throws IOException {
        ImportPlan p = plan("k.csv", "name,address\nold01,10.9.9.9\n");
        assertTrue(p.ok(), p.problems().toString());
        assertEquals(java.util.List.of("machine old01"), p.changed());
        importer.apply(p);
        Machine m = service.inventory().machines().get("old01");
        assertEquals("10.9.9.9", m.address());
        assertEquals(10, m.uPosition());
        assertEquals("r1", m.rack());
    }
}
