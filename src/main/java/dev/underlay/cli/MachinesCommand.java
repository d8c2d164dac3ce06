package dev.underlay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Counted;
import dev.underlay.inventory.MachineQuery;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.ResolvedParam;
import dev.underlay.inventory.SecureParams;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code underlay machines [--query Q] [--json]}: lists machines as a table or as JSON for scripts. */
@Command(name = "machines", mixinStandardHelpOptions = true,
        description = {"Lists machines, all or those matching a query (for example 'rack:fra1-r01 -status:retired' or 'fra1-k8s-w[01-06]').",
            "--json prints an array of objects with each machine's own and resolved params; secure values are always "
                + "\"********\" (and \"secure\": true in resolved)."})
final class MachinesCommand implements Callable<Integer> {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = {"-q", "--query"}, paramLabel = "Q", description = "Machine query; all machines when left out.")
    private String query;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        MachineQuery q = MachineQuery.parse(query);
        PrintWriter out = spec.commandLine().getOut();
        try (CliContext ctx = data.open()) {
            Inventory inv = ctx.inventory().inventory();
            List<Machine> ms = q.select(inv);
            q.notes(inv).forEach(n -> spec.commandLine().getErr().println("note: " + n));
            if (json) {
                DefaultIndenter nl = new DefaultIndenter("  ", "\n");
                out.println(Json.MAPPER.writer(new DefaultPrettyPrinter().withObjectIndenter(nl)
                        .withArrayIndenter(nl)).writeValueAsString(toJson(inv, ms)));
            } else {
                table(out, ms);
            }
            return UnderlayCli.OK;
        }
    }

    static ArrayNode toJson(Inventory inv, List<Machine> ms) {
        ArrayNode arr = NODES.arrayNode();
        for (Machine m : ms) {
            ObjectNode o = arr.addObject();
            o.put("name", m.name());
            o.put("kind", m.kind().id());
            o.put("status", m.status().id());
            o.put("site", m.site());
            o.put("rack", m.rack());
            if (m.uPosition() == null) {
                o.putNull("u");
            } else {
                o.put("u", m.uPosition());
            }
            o.put("height", m.uHeight());
            o.put("face", m.face().id());
            o.put("address", m.address());
            o.put("port", m.sshPort());
            o.put("user", m.sshUser());
            o.put("credential", m.credential());
            m.tags().forEach(o.putArray("tags")::add);
            m.profiles().forEach(o.putArray("profiles")::add);
            ObjectNode own = o.putObject("params");
            for (Map.Entry<String, JsonNode> e : m.params().entrySet()) {
                own.set(e.getKey(), SecureParams.isSecure(inv, e.getKey()) ? NODES.textNode(ResolvedParam.MASK)
                        : e.getValue());
            }
            ObjectNode resolved = o.putObject("resolved");
            for (ResolvedParam r : ParamResolver.resolve(inv, m).values()) {
                ObjectNode v = resolved.putObject(r.name());
                v.set("value", r.secure() ? NODES.textNode(ResolvedParam.MASK)
                        : r.value() == null ? NODES.nullNode() : r.value());
                v.put("secure", r.secure());
                v.put("source", r.source().describe());
            }
        }
        return arr;
    }

    private static void table(PrintWriter out, List<Machine> ms) {
        TextTable t = new TextTable("NAME", "KIND", "STATUS", "SITE", "RACK", "U", "ADDRESS", "TAGS");
        for (Machine m : ms) {
            t.row(m.name(), m.kind().id(), m.status().id(), m.site(), m.rack(),
                    m.uPosition() == null ? "" : m.uRange(),
                    m.address().isEmpty() ? "" : m.address() + ":" + m.sshPort(), String.join(",", m.tags()));
        }
        t.print(out);
        out.println(Counted.of(ms.size(), "machine"));
    }
}
