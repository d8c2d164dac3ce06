package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.io.ImportDiff;
import dev.underlay.inventory.io.ImportMode;
import dev.underlay.inventory.io.ImportPlan;
import dev.underlay.inventory.io.ImportProblem;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The import dialog: a dry run of the chosen file in the chosen format and mode (merge into or replace existing
 * records), shown field by field before anything is written, with a warning in words for whatever would be
 * removed; Apply only when the plan has no problems, and then what was done. Planning and applying run on the task
 * runner (they read files and write the database).
 */
public final class ImportViewModel {
    /** Makes a plan without writing; {@code InventoryImporter::plan} in the console. */
    @FunctionalInterface
    public interface Planner {
        ImportPlan plan(Path file, InventoryFormat format, ImportMode mode) throws Exception;
    }

    /** Writes an ok plan; {@code InventoryImporter::apply} in the console. */
    @FunctionalInterface
    public interface Applier {
        Inventory apply(ImportPlan plan) throws Exception;
    }

    /** Lists longer than this are cut in the preview, with a count of the rest. */
    static final int MAX_LISTED = 200;
    /** Warnings shown above the preview; the preview lists them all. */
    static final int MAX_WARNINGS = 5;

    private final Path file;
    private final Planner planner;
    private final Applier applier;
    private final TaskRunner tasks;
    private final Consumer<String> messages;
    private final ObjectProperty<InventoryFormat> format = new SimpleObjectProperty<>(this, "format");
    private final ObjectProperty<ImportMode> mode = new SimpleObjectProperty<>(this, "mode", ImportMode.DEFAULT);
    private final ReadOnlyObjectWrapper<ImportPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyStringWrapper preview = new ReadOnlyStringWrapper(this, "preview", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper(this, "warnings", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper applied = new ReadOnlyBooleanWrapper(this, "applied");
    private final BooleanBinding canApply;

    public ImportViewModel(Path file, Planner planner, Applier applier, TaskRunner tasks, Consumer<String> messages) {
        this.file = file;
        this.planner = planner;
        this.applier = applier;
        this.tasks = tasks;
        this.messages = messages;
        this.canApply = Bindings.createBooleanBinding(() -> plan.get() != null && plan.get().ok() && !busy.get()
                && !applied.get(), plan, busy, applied);
        format.set(InventoryFormat.guess(file));
        format.addListener((obs, o, n) -> replan());
        mode.addListener((obs, o, n) -> replan());
    }

    /** Makes the dry run for the current format and mode (again). */
    public void replan() {
        InventoryFormat f = format.get();
        ImportMode m = mode.get();
        plan.set(null);
        busy.set(true);
        summary.set("Reading " + file.getFileName() + " as " + f.id() + "…");
        preview.set("");
        warnings.set("");
        tasks.submit("import-plan", () -> planner.plan(file, f, m), p -> {
            if (f != format.get() || m != mode.get()) {
                return; // the choice changed meanwhile; its own plan is on the way
            }
            busy.set(false);
            plan.set(p);
            summary.set(p.ok() ? p.summary() : "Cannot import: " + p.problems().size() + " problem"
                    + (p.problems().size() == 1 ? "" : "s") + " (nothing was written)");
            warnings.set(p.ok() ? warningText(p.warnings()) : "");
            preview.set(render(p));
        }, e -> {
            if (f == format.get() && m == mode.get()) {
                busy.set(false);
                summary.set("Cannot read " + file.getFileName() + ": " + Failures.describe(e));
            }
        });
    }

    /** Writes the plan; {@code onDone} runs after success (the dialog then shows what was done). */
    public void apply(Runnable onDone) {
        ImportPlan p = plan.get();
        if (!canApply.get()) {
            return;
        }
        busy.set(true);
        tasks.submit("import-apply", () -> applier.apply(p), inv -> {
            busy.set(false);
            applied.set(true);
            warnings.set("");
            summary.set("Imported " + file.getFileName() + ": " + p.done() + ". Nothing else was touched.");
            preview.set(render(p, true)); // in the past tense: what was done
            messages.accept("Imported " + file.getFileName() + ": " + p.done() + ".");
            onDone.run();
        }, e -> {
            busy.set(false);
            summary.set("Import failed, nothing was written: " + Failures.describe(e));
        });
    }

    private static String warningText(List<String> ws) {
        if (ws.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        ws.stream().limit(MAX_WARNINGS).forEach(w -> sb.append(sb.length() == 0 ? "" : "\n").append("⚠ ").append(w));
        if (ws.size() > MAX_WARNINGS) {
            sb.append("\n… and ").append(ws.size() - MAX_WARNINGS).append(" more records would lose something "
                    + "(listed below)");
        }
        return sb.toString();
    }

    /**
     * The plan as text: problems first (as {@code file:line: field: message}), then what would be removed, added
     * and changed (each changed record with its fields' old and new values), the unchanged, and the notes.
     */
    public static String render(ImportPlan p) {
        return render(p, false);
    }

    /** Same; {@code done} once the plan was applied, which puts the headings in the past tense. */
    static String render(ImportPlan p, boolean done) {
        StringBuilder sb = new StringBuilder();
        if (!p.ok()) {
            sb.append("Problems (").append(p.problems().size()).append("):\n");
            for (ImportProblem pr : p.problems()) {
                sb.append("  ").append(pr).append('\n');
            }
            sb.append('\n');
        }
        if (p.ok() && !p.warnings().isEmpty()) {
            section(sb, done ? "Removed" : "Would be removed", done ? p.warnings().stream()
                    .map(w -> w.replace(" would lose ", " lost ")).toList() : p.warnings());
        }
        section(sb, done ? "Added" : "To add", p.added());
        if (p.diffs().isEmpty()) {
            section(sb, done ? "Changed" : "To change", p.changed());
        } else {
            sb.append(sb.length() == 0 ? "" : "\n").append(done ? "Changed (" : "To change (")
                    .append(p.changed().size()).append("):\n");
            int n = 0;
            for (ImportDiff d : p.diffs()) {
                if (n++ == MAX_LISTED) {
                    sb.append("  … and ").append(p.diffs().size() - MAX_LISTED).append(" more\n");
                    break;
                }
                sb.append("  ").append(d.label()).append('\n');
                for (ImportDiff.Change c : d.changes()) {
                    sb.append(c.kind() == ImportDiff.Kind.REMOVED ? "    - " : c.kind() == ImportDiff.Kind.ADDED
                            ? "    + " : "    ~ ").append(c.text()).append('\n');
                }
            }
        }
        section(sb, "Unchanged", p.unchanged());
        if (!p.notes().isEmpty()) {
            section(sb, "Notes", p.notes()); // e.g. a stored secure value the file would change
        }
        return sb.toString().stripTrailing();
    }

    private static void section(StringBuilder sb, String title, List<String> items) {
        if (sb.length() > 0 && !sb.toString().endsWith("\n\n")) {
            sb.append('\n'); // a blank line between sections
        }
        sb.append(title).append(" (").append(items.size()).append(")").append(items.isEmpty() ? "\n" : ":\n");
        int n = 0;
        for (String s : items) {
            if (n++ == MAX_LISTED) {
                sb.append("  … and ").append(items.size() - MAX_LISTED).append(" more\n");
                break;
            }
            sb.append("  ").append(s).append('\n');
        }
    }

    public Path file() { return file; }
    public ObjectProperty<InventoryFormat> formatProperty() { return format; }
    /** Merge into or replace existing records; changing it plans again. */
    public ObjectProperty<ImportMode> modeProperty() { return mode; }
    public ReadOnlyObjectProperty<ImportPlan> planProperty() { return plan.getReadOnlyProperty(); }
    /** One line: the plan's summary, the problem count, why the file could not be read, or what was done. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** What would be removed, one sentence a line (the first few); empty when nothing would. */
    public ReadOnlyStringProperty warningsProperty() { return warnings.getReadOnlyProperty(); }
    public ReadOnlyStringProperty previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty appliedProperty() { return applied.getReadOnlyProperty(); }
    /** True only for a finished plan without problems that was not applied yet. */
    public BooleanBinding canApplyBinding() { return canApply; }
}
