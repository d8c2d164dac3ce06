package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Export of the inventory to a file chosen by the technician, written in the background. */
public final class ExportViewModel {
    /** Writes a file; {@code new InventoryExporter()::export} in the console. */
    @FunctionalInterface
    public interface Exporter {
        void export(Inventory inv, Path file, InventoryFormat format) throws Exception;
    }

    private final Supplier<Inventory> inventory;
    private final Exporter exporter;
    private final TaskRunner tasks;
    private final Consumer<String> messages;
    private final Consumer<String> failures;

    /**
     * @param failures receives the sentence when the export fails (the console shows it in a dialog)
     */
    public ExportViewModel(Supplier<Inventory> inventory, Exporter exporter, TaskRunner tasks,
                           Consumer<String> messages, Consumer<String> failures) {
        this.inventory = inventory;
        this.exporter = exporter;
        this.tasks = tasks;
        this.messages = messages;
        this.failures = failures;
    }

    /** Exports the current snapshot; the format comes from the file name when {@code format} is null. */
    public void export(Path file, InventoryFormat format) {
        InventoryFormat f = format != null ? format : InventoryFormat.guess(file);
        Inventory snapshot = inventory.get();
        tasks.submit("export", () -> {
            exporter.export(snapshot, file, f);
            return null;
        }, ok -> messages.accept("Exported " + snapshot.machines().size() + " machines to " + file + " ("
                + f.id() + ")."), e -> {
            String m = "Could not export to " + file + ": " + Failures.describe(e);
            messages.accept(m);
            failures.accept(m);
        });
    }
}
