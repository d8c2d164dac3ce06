package dev.underlay.cli;

import dev.underlay.inventory.io.ImportPlan;
import dev.underlay.inventory.io.ImportProblem;
import dev.underlay.inventory.io.InventoryFormat;
import dev.underlay.inventory.io.InventoryImporter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay import FILE [--format json|csv|ansible] [--dry-run]}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Adds or updates inventory entities from a file (upsert by name; nothing is removed).",
            "All or nothing: any problem refuses the whole file, reported as file:line: field: message."})
final class ImportCommand implements Callable<Integer> {
    /** A real import lists at most this many names per kind; a dry run lists them all. */
    private static final int LISTED = 20;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import.")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, csv (machines) or ansible (INI or YAML); guessed from the file name when left out.")
    private String format;

    @Option(names = "--dry-run", description = "Show what would be added and changed; write nothing.")
    private boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InventoryFormat f = Formats.of(format, file);
        if (!Files.isRegularFile(file)) {
            throw new CliException("cannot read " + file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
        }
        try (CliContext ctx = data.open()) {
            InventoryImporter importer = new InventoryImporter(ctx.inventory(), ctx.secrets().orElse(null));
            ImportPlan plan = importer.plan(file, f);
            if (!plan.ok()) {
                for (ImportProblem p : plan.problems()) {
                    err.println(p);
                }
                int n = plan.problems().size();
                throw new CliException("import of " + file + " refused (" + n + (n == 1 ? " problem" : " problems")
                        + "); nothing was written");
            }
            out.println(file + " (" + f.id() + "): " + plan.summary());
            list(out, "+ ", plan.added());
            list(out, "~ ", plan.changed());
            plan.notes().forEach(n -> out.println("note: " + n));
            if (!plan.secrets().credentials().isEmpty()) {
                out.println("note: passwords of " + String.join(", ", plan.secrets().credentials())
                        + " go to the secret store, never into the inventory");
            }
            if (dryRun) {
                plan.secrets().clear();
                out.println("dry run: nothing written");
                return UnderlayCli.OK;
            }
            importer.apply(plan);
            out.println("imported into " + ctx.dataFolder());
            return UnderlayCli.OK;
        }
    }

    private void list(PrintWriter out, String mark, List<String> names) {
        int shown = dryRun ? names.size() : Math.min(LISTED, names.size());
        for (int i = 0; i < shown; i++) {
            out.println("  " + mark + names.get(i));
        }
        if (shown < names.size()) {
            out.println("  " + mark + "... and " + (names.size() - shown) + " more");
        }
    }
}
