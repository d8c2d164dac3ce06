package dev.underlay.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.automation.content.Task;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ResolvedParam;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay params MACHINE [--task T] [--stage S] [--json]}: every param's value and where it came from. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = {"Shows a machine's params with their values and sources, as a job step resolves them.",
            "The order: machine, its profiles, the stage and its profiles, its clusters' profiles, global, defaults.",
            "With --task, the task's params only, required ones that are not set marked MISSING.",
            "Secure values are always ********."})
final class ParamsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Parameters(index = "0", paramLabel = "MACHINE", description = "The machine.")
    private String machine;

    @Option(names = "--task", paramLabel = "T", description = "Only the params task T reads.")
    private String task;

    @Option(names = "--stage", paramLabel = "S", description = "Resolve as a step of stage S does.")
    private String stage;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (CliContext ctx = data.open()) {
            Inventory inv = ctx.inventory().inventory();
            Machine m = inv.machines().get(machine);
            if (m == null) {
                throw new CliException("no machine named " + machine);
            }
            Map<String, ResolvedParam> all;
            Task t;
            try {
                t = task == null ? null : ctx.automation().task(task);
                all = ctx.automation().params(m, stage, inv);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            List<String> names = t == null ? List.copyOf(all.keySet()) : t.params();
            if (json) {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                for (String n : names) {
                    ResolvedParam p = all.get(n);
                    ObjectNode o = arr.addObject();
                    o.put("name", n);
                    if (p == null) {
                        o.putNull("value");
                        o.put("source", "");
                    } else {
                        o.put("value", p.displayValue());
                        o.put("secure", p.secure());
                        o.put("source", p.source().describe());
                    }
                    if (t != null) {
                        o.put("required", t.required().contains(n));
                    }
                }
                out.println(arr.toPrettyString());
                return UnderlayCli.OK;
            }
            TextTable table = new TextTable("PARAM", "VALUE", "SOURCE");
            int missing = 0;
            for (String n : names) {
                ResolvedParam p = all.get(n);
                boolean required = t != null && t.required().contains(n);
                if (p == null) {
                    missing += required ? 1 : 0;
                    table.row(n, required ? "MISSING" : "(not set)", required ? "required by " + task : "optional");
                } else {
                    table.row(n, p.displayValue(), p.source().describe());
                }
            }
            table.print(out);
            out.println(names.size() + (names.size() == 1 ? " param" : " params")
                    + (missing > 0 ? ", " + missing + " required and not set" : ""));
            return missing > 0 ? UnderlayCli.FAILURE : UnderlayCli.OK;
        }
    }
}
