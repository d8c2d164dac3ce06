package dev.underlay.cli;

import dev.underlay.inventory.Counted;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.io.InventoryExporter;
import dev.underlay.inventory.io.InventoryFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay export FILE --format json|csv}. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the whole inventory as JSON, or the machines as CSV.",
            "Values of secure params are never written; the ones left out are listed.",
            "Key files inside the data folder are written as $UNDERLAY_HOME/..., those",
            "in the home folder as ~/..., so that the export can be imported into",
            "another data folder or on another machine."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to write (replaced if it exists).")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json (whole inventory) or csv (machines); guessed from the file name when left out.")
    private String format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        InventoryFormat f = Formats.of(format, file);
        if (f == InventoryFormat.ANSIBLE) {
            throw new CliException("export writes json or csv; give --format json or --format csv",
                    UnderlayCli.USAGE);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
            throw new CliException("cannot export to " + file + ": the folder " + dir + " does not exist "
                    + "(create it first, or name a file in an existing folder)");
        }
        try (CliContext ctx = data.open()) {
            Inventory inv = ctx.inventory().inventory();
            List<String> omitted = new InventoryExporter(ctx.dataFolder()).export(inv, file, f);
            out.println("exported " + (f == InventoryFormat.JSON ? Counted.of(inv.sites().size(), "site") + ", "
                    + Counted.of(inv.racks().size(), "rack") + ", " + Counted.of(inv.machines().size(), "machine")
                    + ", " + Counted.of(inv.clusters().size(), "cluster") : Counted.of(inv.machines().size(),
                    "machine")) + " to " + file);
            if (!omitted.isEmpty()) {
                out.println("note: left out the values of " + Counted.of(omitted.size(), "secure param") + ": "
                        + String.join(", ", omitted));
            }
            return UnderlayCli.OK;
        }
    }
}
