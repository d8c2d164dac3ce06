package dev.underlay.inventory.io;

import dev.underlay.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Path;

/** Writes the inventory: JSON (whole, lossless) or CSV (machines). */
public final class InventoryExporter {
    /** Writes {@code inv} to {@code file} atomically (a temporary file, then a move). */
    public void export(Inventory inv, Path file, InventoryFormat format) throws IOException {
        throw new UnsupportedOperationException("export comes with the io work");
    }
}
