package dev.underlay.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.automation.facts.FactsDiff;
import dev.underlay.automation.facts.MachineFacts;
import dev.underlay.inventory.Json;
import java.io.PrintWriter;
import java.util.List;

/** {@code underlay facts MACHINE --changes}: each run against the one before it, newest first, as text or JSON. */
final class FactsChangesOutput {
    private FactsChangesOutput() {
    }

    /** @param runs the machine's runs, newest first */
    static void print(PrintWriter out, String machine, List<MachineFacts> runs, boolean json)
            throws JsonProcessingException {
        if (json) {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i + 1 < runs.size(); i++) {
                ObjectNode o = arr.addObject();
                o.put("machine", machine);
                run(o.putObject("from"), runs.get(i + 1));
                run(o.putObject("to"), runs.get(i));
                ArrayNode changes = o.putArray("changes");
                FactsDiff.between(runs.get(i + 1), runs.get(i)).forEach(c -> changes.addObject()
                        .put("fact", c.fact()).put("was", c.was()).put("now", c.now()));
            }
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
            return;
        }
        if (runs.size() < 2) {
            out.println(runs.isEmpty() ? "no facts gathered for " + machine + " yet (underlay run facts --on "
                    + machine + ")" : machine + " has one facts run (" + name(runs.get(0))
                    + "): nothing to compare it with");
            return;
        }
        for (int i = 0; i + 1 < runs.size(); i++) {
            List<FactsDiff.Change> c = FactsDiff.between(runs.get(i + 1), runs.get(i));
            out.println(machine + ": " + name(runs.get(i)) + " against " + name(runs.get(i + 1)) + ": "
                    + (c.isEmpty() ? "no change" : c.size() + (c.size() == 1 ? " change" : " changes")));
            c.forEach(x -> out.println("  " + x));
        }
    }

    private static String name(MachineFacts f) {
        return f.gathered() + (f.job() == null ? "" : " (job " + f.job() + ")");
    }

    private static void run(ObjectNode o, MachineFacts f) {
        o.put("gathered", f.gathered().toString());
        o.put("job", f.job());
    }
}
