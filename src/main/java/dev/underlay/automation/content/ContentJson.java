package dev.underlay.automation.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A content pack as a JSON tree, in the layout of its YAML file: what export writes and what the repository keeps
 * of a pack's params and profiles. Reading a file with line numbers is {@code automation.io.PackReader}'s job;
 * {@link #params(JsonNode)} and {@link #profiles(JsonNode)} read back only what this class wrote.
 */
public final class ContentJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContentJson() {
    }

    /** The whole pack, keys in the file's order. */
    public static ObjectNode tree(ContentPack p) {
        ObjectNode o = NODES.objectNode();
        o.put("name", p.name());
        o.put("version", p.version());
        if (!p.description().isEmpty()) {
            o.put("description", p.description());
        }
        if (!p.prerequisites().isEmpty()) {
            o.set("prerequisites", strings(p.prerequisites()));
        }
        if (!p.params().isEmpty()) {
            o.set("params", params(p.params()));
        }
        if (!p.profiles().isEmpty()) {
            o.set("profiles", profiles(p.profiles()));
        }
        ObjectNode tasks = NODES.objectNode();
        p.tasks().forEach(t -> tasks.set(t.name(), task(t)));
        ObjectNode stages = NODES.objectNode();
        p.stages().forEach(s -> stages.set(s.name(), stage(s)));
        ObjectNode workflows = NODES.objectNode();
        p.workflows().forEach(w -> workflows.set(w.name(), workflow(w)));
        o.set("tasks", tasks);
        o.set("stages", stages);
        o.set("workflows", workflows);
        return o;
    }

    public static ObjectNode params(List<ParamDefinition> defs) {
        ObjectNode o = NODES.objectNode();
        for (ParamDefinition d : defs) {
            ObjectNode p = o.putObject(d.name());
            if (!d.description().isEmpty()) {
                p.put("description", d.description());
            }
            if (d.schema() != null && !d.schema().isNull()) {
                p.set("schema", d.schema());
            }
            if (d.defaultValue() != null) {
                p.set("default", d.defaultValue());
            }
            if (d.secure()) {
                p.put("secure", true);
            }
        }
        return o;
    }

    public static ObjectNode profiles(List<Profile> profiles) {
        ObjectNode o = NODES.objectNode();
        for (Profile pr : profiles) {
            ObjectNode p = o.putObject(pr.name());
            if (!pr.description().isEmpty()) {
                p.put("description", pr.description());
            }
            if (!pr.includes().isEmpty()) {
                p.set("includes", strings(pr.includes()));
            }
            ObjectNode params = p.putObject("params");
            pr.params().forEach(params::set);
        }
        return o;
    }

    /** Reads back {@link #params(List)}. */
    public static List<ParamDefinition> params(JsonNode o) {
        List<ParamDefinition> out = new ArrayList<>();
        o.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            out.add(new ParamDefinition(e.getKey(), p.get("schema"), p.get("default"), p.path("description")
                    .asText(""), p.path("secure").asBoolean(false)));
        });
        return out;
    }

    /** Reads back {@link #profiles(List)}. */
    public static List<Profile> profiles(JsonNode o) {
        List<Profile> out = new ArrayList<>();
        o.fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            Map<String, JsonNode> params = new LinkedHashMap<>();
            p.path("params").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue()));
            out.add(new Profile(e.getKey(), p.path("description").asText(""), strings(p.path("includes")),
                    params));
        });
        return out;
    }

    static ObjectNode task(Task t) {
        ObjectNode o = NODES.objectNode();
        if (!t.description().isEmpty()) {
            o.put("description", t.description());
        }
        if (!t.required().isEmpty()) {
            o.set("required", strings(t.required()));
        }
        if (!t.optional().isEmpty()) {
            o.set("optional", strings(t.optional()));
        }
        if (!t.publishes().isEmpty()) {
            o.set("publishes", strings(t.publishes()));
        }
        if (t.timeout() != null) {
            o.set("timeout", secondsNode(t.timeout()));
        }
        if (t.retries() > 0) {
            o.put("retries", t.retries());
            o.set("backoff", secondsNode(t.backoff()));
        }
        if (t.incompleteExit() != Task.NONE) {
            o.put("incomplete_exit", t.incompleteExit());
        }
        if (t.rebootExit() != Task.NONE) {
            o.put("reboot_exit", t.rebootExit());
        }
        if (t.continueOnFailure()) {
            o.put("continue_on_failure", true);
        }
        ArrayNode templates = o.putArray("templates");
        for (TaskTemplate tt : t.templates()) {
            ObjectNode x = templates.addObject();
            if (!tt.name().isEmpty()) {
                x.put("name", tt.name());
            }
            if (tt.kind() == TaskTemplate.Kind.FILE) {
                x.put("file", tt.path());
                x.put("mode", tt.mode());
                if (!tt.owner().isEmpty()) {
                    x.put("owner", tt.owner());
                }
                x.put("content", tt.body());
            } else {
                x.put("script", tt.body());
            }
        }
        return o;
    }

    static ObjectNode stage(Stage s) {
        ObjectNode o = NODES.objectNode();
        if (!s.description().isEmpty()) {
            o.put("description", s.description());
        }
        o.set("tasks", strings(s.tasks()));
        if (!s.params().isEmpty()) {
            ObjectNode params = o.putObject("params");
            s.params().forEach(params::set);
        }
        if (!s.profiles().isEmpty()) {
            o.set("profiles", strings(s.profiles()));
        }
        return o;
    }

    static ObjectNode workflow(Workflow w) {
        ObjectNode o = NODES.objectNode();
        if (!w.description().isEmpty()) {
            o.put("description", w.description());
        }
        o.set("stages", strings(w.stages()));
        return o;
    }

    /** Seconds as a number, fractional only when needed ({@code 90}, {@code 0.5}). */
    static JsonNode secondsNode(Duration d) {
        return d.toMillis() % 1000 == 0 ? NODES.numberNode(d.toSeconds()) : NODES.numberNode(d.toMillis() / 1000.0);
    }

    public static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    public static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return out;
    }
}
