package dev.underlay.cli;

import dev.underlay.automation.RenderException;
import dev.underlay.automation.RenderedStep;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay render TASK --machine M [--stage S]}: what-if, exactly what would run, connecting nowhere. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Shows a task's scripts and files exactly as they would run on a machine (what-if).",
            "Connects nowhere. Secure values are shown as ********."})
final class RenderCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task.")
    private String task;

    @Option(names = {"-m", "--machine"}, paramLabel = "M", required = true, description = "The machine.")
    private String machine;

    @Option(names = "--stage", paramLabel = "S", description = "Render as a step of stage S (its params apply).")
    private String stage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CliContext ctx = data.open()) {
            Inventory inv = ctx.inventory().inventory();
            Machine m = inv.machines().get(machine);
            if (m == null) {
                throw new CliException("no machine named " + machine);
            }
            RenderedStep step;
            try {
                step = ctx.automation().render(task, stage, m, inv);
            } catch (RenderException | IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            int i = 1;
            for (RenderedStep.Action a : step.actions()) {
                String head = a instanceof RenderedStep.WriteFile ? "file" : "script";
                out.println("--- " + task + " on " + machine + ": " + head + " " + i++ + " of "
                        + step.actions().size());
                out.print(a.shown());
                if (!a.shown().endsWith("\n")) {
                    out.println();
                }
            }
            return UnderlayCli.OK;
        }
    }
}
