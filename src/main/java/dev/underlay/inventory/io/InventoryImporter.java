package dev.underlay.inventory.io;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import java.nio.file.Path;

/** Reads JSON, CSV and Ansible inventories into an {@link ImportPlan}, and applies plans. */
public final class InventoryImporter {
    private final InventoryService service;

    public InventoryImporter(InventoryService service) {
        this.service = service;
    }

    /** Parses and checks the file against the current inventory; writes nothing. Never throws for bad input. */
    public ImportPlan plan(Path file, InventoryFormat format) {
        throw new UnsupportedOperationException("import comes with the io work");
    }

    /** Applies an ok plan in one transaction; refuses a plan with problems. */
    public Inventory apply(ImportPlan plan) {
        throw new UnsupportedOperationException("import comes with the io work");
    }

    InventoryService service() {
        return service;
    }
}
