package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.db.Database;
import dev.underlay.inventory.io.ImportPlan;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.inventory.io.InventoryImporter;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values longer than their column are refused by the rules, for every writer, with the entity, field, length and
 * limit; the database's own error (with its SQL) never gets that far. Each case here reached H2 before.
 */
class FieldLimitsTest {
    @TempDir
    Path dir;
    Database db;
    InventoryService service;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("data"));
        service = new InventoryService(new JdbcInventoryStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Violation only(InventoryValidationException e) {
        assertEquals(1, e.violations().size(), e.violations().toString());
        Violation v = e.violations().get(0);
        assertFalse(v.message().matches("(?is).*(sql|insert|update|value too long|22001).*"), v.message());
        return v;
    }

    @Test
    void consoleFormEditsAreRefusedWithFieldLengthAndLimit() {
        String longName = "n".repeat(250);
        Violation v = only(assertThrows(InventoryValidationException.class,
                () -> service.createMachine(Machine.builder(longName).build())));
        assertEquals("name", v.field());
        assertEquals("machine name '" + "n".repeat(40) + "...' is 250 characters long; at most 200 fit", v.message());
        v = only(assertThrows(InventoryValidationException.class,
                () -> service.createMachine(Machine.builder("web01").address("a".repeat(401)).build())));
        assertEquals("address", v.field());
        assertEquals("machine web01: address is 401 characters long; at most 400 fit", v.message());
        service.createMachine(Machine.builder("web01").address("a".repeat(400)).build());
        List<String> tags = Collections.nCopies(500, "rack-a1b2c3");
        v = only(assertThrows(InventoryValidationException.class,
                () -> service.updateMachine(web01(), web01().toBuilder()
                        .tags(tags).build())));
        assertEquals("tags", v.field());
        assertEquals("machine web01: its 500 tags take 5999 characters together (with the commas between them); "
                + "at most 4000 fit", v.message());
        assertEquals(400, service.inventory().machines().get("web01").address().length(), "the valid one was kept");
    }

    @Test
    void otherEntitiesAreCheckedToo() {
        InventoryChanges ch = new InventoryChanges();
        ch.sites.add(new Site("fra1", "d".repeat(4001)));
        ch.profiles.add(new Profile("p1", "", List.of(), Map.of("k".repeat(201), TextNode.valueOf("v"))));
        ch.clusters.add(new Cluster("c1", "k".repeat(101), "", "", List.of()));
        InventoryValidationException e = assertThrows(InventoryValidationException.class, () -> service.apply(ch));
        List<String> got = e.violations().stream().map(v -> v.entity() + " " + v.field()).sorted().toList();
        assertEquals(List.of("cluster kind", "profile params", "site description"), got, e.violations().toString());
        assertTrue(service.inventory().sites().isEmpty());
    }

    @Test
    void anImportNamesTheLineOfTheOverLongValue() throws IOException {
        Path csv = dir.resolve("long.csv");
        Files.writeString(csv, "name,address\nok01,10.0.0.1\nlong01," + "x".repeat(450) + "\n");
        ImportPlan p = new InventoryImporter(service).plan(csv, InventoryFormat.CSV);
        assertFalse(p.ok());
        assertEquals(1, p.problems().size(), p.problems().toString());
        assertEquals(csv + ":3: address: machine long01: address is 450 characters long; at most 400 fit",
                p.problems().get(0).toString());
        Path ini = dir.resolve("long.ini");
        Files.writeString(ini, "[web]\nweb01\n" + "h".repeat(300) + " role=web\n");
        p = new InventoryImporter(service).plan(ini, InventoryFormat.ANSIBLE);
        assertEquals(1, p.problems().size(), p.problems().toString());
        assertEquals(3, p.problems().get(0).line());
        assertTrue(p.problems().get(0).message().contains("is 300 characters long; at most 200 fit"),
                p.problems().toString());
    }

    private Machine web01() {
        return service.inventory().machines().get("web01");
    }
}
