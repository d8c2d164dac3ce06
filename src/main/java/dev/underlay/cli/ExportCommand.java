package dev.underlay.cli;

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
        try (CliContext ctx = data.open()) {
            Inventory inv = ctx.inventory().inventory();
            List<String> omitted = new InventoryExporter(ctx.dataFolder()).export(inv, file, f);
            out.println("exported " + (f == InventoryFormat.JSON ? inv.sites().size() + " sites, "
                    + inv.racks().size() + " racks, " + inv.machines().size() + " machines, "
                    + inv.clusters().size() + " clusters" : inv.machines().size() + " machines") + " to " + file);
            if (!omitted.isEmpty()) {
                out.println("note: left out the values of " + omitted.size() + " secure params: "
                        + String.join(", ", omitted));
            }
            return UnderlayCli.OK;
        }
    }
}
