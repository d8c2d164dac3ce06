package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Export of the inventory to a file chosen by the technician, written in the background. The file's extension
 * and the chooser's filter decide the format together ({@link #target}): they must agree, or the technician
 * chooses which wins.
 */
public final class ExportViewModel {
    /** The formats export writes (those the README lists): JSON, the whole inventory, and CSV, the machines. */
    public static final List<InventoryFormat> FORMATS = List.of(InventoryFormat.JSON, InventoryFormat.CSV);

    /**
     * What to write: a file and its format, and when the name's extension and the chosen filter disagree, the
     * other way to resolve it (the filter's format under the filter's extension) and the question to ask.
     *
     * @param other    null when there is nothing to ask
     * @param question one sentence naming both, or empty
     */
    public record Target(Path file, InventoryFormat format, Target other, String question) {
        /** Button text: {@code Write CSV to export.csv}. */
        public String action() {
            return "Write " + format.name() + " to " + file.getFileName();
        }
    }

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

    /**
     * What a file chosen with a filter means. A name ending in .json or .csv is written in that format; when the
     * filter chose the other one, the target carries the question and the filter's way as {@link Target#other()}.
     * A name without an extension gets the filter's (JSON when none); any other extension is kept and the filter
     * decides.
     *
     * @param filter the format of the filter the chooser had selected, or null
     */
    public static Target target(Path chosen, InventoryFormat filter) {
        String name = chosen.getFileName().toString();
        InventoryFormat byName = byExtension(name);
        if (byName == null) {
            InventoryFormat f = filter == null || !FORMATS.contains(filter) ? InventoryFormat.JSON : filter;
            Path file = name.contains(".") ? chosen : chosen.resolveSibling(name + "." + f.id());
            return new Target(file, f, null, "");
        }
        if (filter == null || filter == byName || !FORMATS.contains(filter)) {
            return new Target(chosen, byName, null, "");
        }
        String stem = name.substring(0, name.lastIndexOf('.'));
        Target other = new Target(chosen.resolveSibling(stem + "." + filter.id()), filter, null, "");
        return new Target(chosen, byName, other, name + " ends in ." + byName.id() + ", but the " + filter.name()
                + " filter was chosen. Which should be written?");
    }

    private static InventoryFormat byExtension(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".json") ? InventoryFormat.JSON : n.endsWith(".csv") ? InventoryFormat.CSV : null;
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
