package dev.underlay.inventory.io;

import dev.underlay.inventory.Inventory;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the inventory: JSON (whole, lossless) or CSV (machines). Values of secure params are never written;
 * the returned list names each one left out.
 */
public final class InventoryExporter {
    private final Path dataFolder;

    /** An exporter that writes key file paths as stored (but for {@code ~/} in front of the user's home). */
    public InventoryExporter() {
        this(null);
    }

    /**
     * An exporter for the inventory of {@code dataFolder}: key files inside it are written
     * {@code $UNDERLAY_HOME/...}, so that the export survives a move to another folder or machine ({@link KeyFiles}).
     */
    public InventoryExporter(Path dataFolder) {
        this.dataFolder = dataFolder;
    }

    /**
     * Writes {@code inv} to {@code file} atomically (a temporary file, then a move).
     *
     * @return the secure values left out, as {@code machine db01: db_password}; empty when none
     * @throws IllegalArgumentException for {@link InventoryFormat#ANSIBLE}, which is import-only
     */
    public List<String> export(Inventory inv, Path file, InventoryFormat format) throws IOException {
        if (format == InventoryFormat.ANSIBLE) {
            throw new IllegalArgumentException("Ansible is an import format; export writes json or csv");
        }
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        // not createTempFile: its owner-only permissions would stick to the export after the move
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            List<String> omitted;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) { // replaces a stale one
                if (format == InventoryFormat.JSON) {
                    omitted = new JsonInventoryWriter(inv, dataFolder).write(out);
                } else {
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    omitted = CsvMachines.write(inv, w);
                    w.flush();
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            return omitted;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
