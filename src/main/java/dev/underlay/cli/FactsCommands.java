package dev.underlay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.automation.facts.FactsDiff;
import dev.underlay.automation.facts.MachineFacts;
import dev.underlay.automation.facts.MachineHealth;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineQuery;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay facts} and {@code underlay health}: what the facts and health packs found, latest or history. */
final class FactsCommands {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FactsCommands() {
    }

    /** What {@code facts} and {@code health} both take: which machines, how many runs of one, and the output form. */
    static final class Which {
        @Parameters(index = "0", arity = "0..1", paramLabel = "MACHINE", description = "One machine.")
        String machine;
        @Option(names = {"-q", "--query"}, paramLabel = "Q", description = "Machines matching a query.")
        String query;
        @Option(names = "--history", paramLabel = "N", description = "The machine's last N runs, newest first.")
        Integer history;
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;
    }

    /** {@code underlay facts [MACHINE] [--query Q] [--history N] [--json]}. */
    @Command(name = "facts", mixinStandardHelpOptions = true,
            description = {"Shows machines' facts (OS, kernel, CPU, memory, disks, NICs) as the last facts job found them.",
                "'underlay run facts --on Q' gathers them. With MACHINE and --history N, its last N runs;",
                "with MACHINE and --changes, what changed from each run to the next."})
    static final class Facts implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private DataOption data;
        @Mixin
        private Which which;
        @Option(names = "--changes", description = {"With MACHINE: what changed between each of its runs and the one",
            "before it, newest first (its last N runs with --history N, 20 by default)."})
        boolean changes;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            if (changes && which.machine == null) {
                throw new CliException("--changes compares the runs of one machine: name it (underlay facts MACHINE"
                        + " --changes)");
            }
            try (CliContext ctx = data.open()) {
                if (changes) {
                    known(ctx.inventory().inventory(), which.machine);
                    List<MachineFacts> runs = ctx.facts().factsHistory(which.machine,
                            which.history == null ? 20 : which.history);
                    FactsChangesOutput.print(out, which.machine, runs, which.json);
                    return UnderlayCli.OK;
                }
                List<MachineFacts> rows = new ArrayList<>();
                if (which.machine != null && which.history != null) {
                    known(ctx.inventory().inventory(), which.machine);
                    rows.addAll(ctx.facts().factsHistory(which.machine, which.history));
                } else {
                    Map<String, MachineFacts> latest = ctx.facts().latestFacts();
                    for (String m : names(ctx.inventory().inventory(), which.machine, which.query)) {
                        if (latest.containsKey(m)) {
                            rows.add(latest.get(m));
                        }
                    }
                }
                if (which.json) {
                    ArrayNode arr = NODES.arrayNode();
                    rows.forEach(f -> arr.add(json(f)));
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
                    return UnderlayCli.OK;
                }
                if (rows.isEmpty()) {
                    out.println("no facts gathered yet (run the facts workflow: underlay run facts --on QUERY)");
                    return UnderlayCli.OK;
                }
                TextTable t = new TextTable("MACHINE", "GATHERED", "JOB", "OS", "KERNEL", "CPUS", "MEMORY", "DISKS",
                        "NICS");
                for (MachineFacts f : rows) {
                    List<String> disks = f.disks().stream().map(d -> d.name() + " " + FactsDiff.gib(d.sizeBytes()))
                            .toList();
                    List<String> nics = f.nics().stream().map(n -> n.name() + " " + String.join(",", n.addresses()))
                            .toList();
                    t.row(f.machine(), f.gathered().toString(), f.job() == null ? "" : f.job().toString(), f.os(),
                            f.kernel(), f.cpus() < 0 ? "" : Integer.toString(f.cpus()), FactsDiff.gib(f.memoryBytes()),
                            String.join("; ", disks), String.join("; ", nics));
                }
                t.print(out);
                return UnderlayCli.OK;
            }
        }
    }

    /** {@code underlay health [MACHINE] [--query Q] [--history N] [--json]}. */
    @Command(name = "health", mixinStandardHelpOptions = true,
            description = {"Shows machines' health (ok, warning, critical, unknown) as the last health job set it.",
                "Each with the checks that failed and when ('underlay run health --on Q' checks);",
                "for one MACHINE, every check of its last run, passed ones too.",
                "Machines never checked are unknown. With MACHINE and --history N, its last N runs."})
    static final class Health implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private DataOption data;
        @Mixin
        private Which which;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            try (CliContext ctx = data.open()) {
                List<String> names;
                List<MachineHealth> rows = new ArrayList<>();
                if (which.machine != null && which.history != null) {
                    known(ctx.inventory().inventory(), which.machine);
                    rows.addAll(ctx.facts().healthHistory(which.machine, which.history));
                    names = rows.stream().map(MachineHealth::machine).toList();
                } else {
                    names = names(ctx.inventory().inventory(), which.machine, which.query);
                    Map<String, MachineHealth> latest = ctx.facts().latestHealth();
                    names.forEach(n -> rows.add(latest.get(n)));
                }
                if (which.json) {
                    ArrayNode arr = NODES.arrayNode();
                    for (int i = 0; i < rows.size(); i++) {
                        MachineHealth h = rows.get(i);
                        ObjectNode o = arr.addObject();
                        o.put("machine", names.get(i));
                        o.put("state", h == null ? "unknown" : h.state().id());
                        if (h != null) {
                            o.put("checked", h.checked().toString());
                            o.put("job", h.job());
                            ArrayNode failing = o.putArray("failing");
                            for (MachineHealth.Check c : h.failing()) {
                                failing.addObject().put("check", c.check()).put("severity", c.severity().id())
                                        .put("message", c.message()).put("at", c.at() == null ? null
                                                : c.at().toString());
                            }
                            ArrayNode checks = o.putArray("checks");
                            for (MachineHealth.Check c : h.checks()) {
                                checks.addObject().put("check", c.check()).put("result", c.severity().id())
                                        .put("message", c.message()).put("at", c.at() == null ? null
                                                : c.at().toString());
                            }
                        }
                    }
                    out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
                    return UnderlayCli.OK;
                }
                TextTable t = new TextTable("MACHINE", "HEALTH", "CHECKED", "JOB", "FAILING");
                for (int i = 0; i < rows.size(); i++) {
                    MachineHealth h = rows.get(i);
                    if (h == null) {
                        t.row(names.get(i), "unknown", "never", "", "");
                        continue;
                    }
                    List<String> failing = h.failing().stream().map(c -> c.check() + " (" + c.message() + ")")
                            .toList();
                    t.row(names.get(i), h.state().id(), h.checked().toString(), h.job() == null ? ""
                            : h.job().toString(), String.join("; ", failing));
                }
                t.print(out);
                if (which.machine != null && rows.size() == 1 && rows.get(0) != null) {
                    // one machine: every check of its last run, the passed ones too
                    out.println();
                    TextTable checks = new TextTable("CHECK", "RESULT", "ENDED", "MESSAGE");
                    for (MachineHealth.Check c : rows.get(0).checks()) {
                        checks.row(c.check(), c.severity().id(), c.at() == null ? "" : c.at().toString(),
                                c.message());
                    }
                    checks.print(out);
                }
                return UnderlayCli.OK;
            }
        }
    }

    static ObjectNode json(MachineFacts f) {
        ObjectNode o = NODES.objectNode();
        o.put("machine", f.machine());
        o.put("gathered", f.gathered().toString());
        o.put("job", f.job());
        o.put("hostname", f.hostname());
        o.put("os", f.os());
        o.put("os_id", f.osId());
        o.put("kernel", f.kernel());
        o.put("cpus", f.cpus());
        o.put("cpu_model", f.cpuModel());
        o.put("memory_bytes", f.memoryBytes());
        ArrayNode disks = o.putArray("disks");
        f.disks().forEach(d -> disks.addObject().put("name", d.name()).put("size_bytes", d.sizeBytes()));
        ArrayNode nics = o.putArray("nics");
        for (MachineFacts.Nic n : f.nics()) {
            ObjectNode x = nics.addObject().put("name", n.name()).put("mac", n.mac()).put("mtu", n.mtu());
            n.addresses().forEach(x.putArray("addresses")::add);
        }
        return o;
    }

    private static void known(Inventory inv, String machine) {
        if (!inv.machines().containsKey(machine)) {
            throw new CliException("no machine named " + machine);
        }
    }

    private static List<String> names(Inventory inv, String machine, String query) {
        if (machine != null) {
            known(inv, machine);
            return List.of(machine);
        }
        return MachineQuery.parse(query).select(inv).stream().map(Machine::name).toList();
    }

}
