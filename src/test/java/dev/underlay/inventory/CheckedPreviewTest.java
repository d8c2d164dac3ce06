package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.underlay.db.Database;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview's rule check is reused only for the very changes it checked, against the very snapshot it saw. */
class CheckedPreviewTest {
    @TempDir
    Path dir;
    Database db;
    InventoryService service;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        service = new InventoryService(new JdbcInventoryStore(db));
        service.apply(DemoInventory.changes(dir.resolve("key")));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Machine at(String name, int u) {
        return Machine.builder(name).site("fra1").placed("t-r1", u, 1, Face.FRONT).build();
    }

    private static InventoryChanges rackWith(Machine m) {
        InventoryChanges ch = new InventoryChanges();
        ch.racks.add(new Rack("t-r1", "fra1", 42, "T", 1));
        ch.machines.add(m);
        return ch;
    }

    @Test
    void theSameChangesAgainstTheSameSnapshotAreCheckedOnce() {
        InventoryChanges ch = rackWith(at("t-m1", 10));
        InventoryService.Preview first = service.preview(ch);
        assertTrue(first.violations().isEmpty(), first.violations()::toString);
        assertSame(first.after(), service.preview(ch).after());
        ch.machines.add(at("t-m2", 12));
        assertNotSame(first.after(), service.preview(ch).after());
    }

    @Test
    void changesAlteredAfterTheirPreviewAreCheckedAgainWhenApplied() {
        InventoryChanges ch = rackWith(at("t-m1", 10));
        assertTrue(service.preview(ch).violations().isEmpty());
        ch.machines.set(0, at("t-m1", 41)); // a 1U machine at U41 of 42 fits; two at U10 do not
        ch.machines.add(at("t-m2", 41));
        var e = assertThrows(InventoryValidationException.class, () -> service.apply(ch));
        assertTrue(e.getMessage().contains("t-m1") && e.getMessage().contains("t-m2"), e.getMessage());
        assertTrue(service.inventory().machine("t-m1").isEmpty(), "nothing written");
    }

    @Test
    void changesPreviewedBeforeAnotherWriteAreCheckedAgainstWhatItWrote() {
        InventoryChanges ch = rackWith(at("t-m1", 10));
        assertTrue(service.preview(ch).violations().isEmpty());
        service.apply(rackWith(at("t-other", 10)));
        var e = assertThrows(InventoryValidationException.class, () -> service.apply(ch));
        assertTrue(e.getMessage().contains("t-m1") && e.getMessage().contains("t-other"), e.getMessage());
        assertTrue(service.inventory().machine("t-m1").isEmpty(), "nothing written");
    }
}
