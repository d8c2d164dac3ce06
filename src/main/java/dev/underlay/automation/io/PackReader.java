package dev.underlay.automation.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.automation.content.ContentPack;
import dev.underlay.automation.content.Stage;
import dev.underlay.automation.content.Task;
import dev.underlay.automation.content.TaskTemplate;
import dev.underlay.automation.content.Workflow;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.Profile;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a content pack's YAML (layout in docs/content-packs.md and the bundled packs): every problem of the
 * file at once, as {@code file:line: field: message}, or the pack with the line of each entity.
 */
public final class PackReader {
    private static final Set<String> TOP = Set.of("name", "version", "description", "prerequisites", "params",
            "profiles", "tasks", "stages", "workflows");
    private static final Set<String> PARAM = Set.of("description", "schema", "default", "secure");
    private static final Set<String> PROFILE = Set.of("description", "includes", "params");
    private static final Set<String> TASK = Set.of("description", "required", "optional", "publishes", "timeout",
            "retries", "backoff", "incomplete_exit", "reboot_exit", "continue_on_failure", "templates");
    private static final Set<String> TEMPLATE = Set.of("name", "script", "file", "mode", "owner", "content");
    private static final Set<String> STAGE = Set.of("description", "tasks", "params", "profiles");
    private static final Set<String> WORKFLOW = Set.of("description", "stages");

    private final String file;
    private final List<int[]> order = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private PackReader(String file) {
        this.file = file;
    }

    /** Reads {@code in}, named {@code file} in problems. */
    public static PackFile read(String file, Reader in) {
        return new PackReader(file).run(in);
    }

    private PackFile run(Reader in) {
        YNode root;
        try {
            root = YNode.read(in);
        } catch (YNode.SyntaxProblem e) {
            throw new PackImportException(List.of(file + ":" + e.line + ": " + e.getMessage()));
        }
        if (!root.isMap()) {
            throw new PackImportException(List.of(file + ":" + root.line() + ": a content pack is a mapping "
                    + "(name, version, tasks, ...)"));
        }
        keys(root, TOP, "pack");
        String name = text(root, "name", "name", true);
        lines.put("pack " + name, root.line());
        line("pack " + name + " version", root.get("version"));
        line("pack " + name + " prerequisites", root.get("prerequisites"));
        List<ParamDefinition> params = new ArrayList<>();
        each(root.get("params"), "params", (k, v) -> {
            keys(v, PARAM, "param " + k);
            lines.put("param " + k, v.line());
            params.add(new ParamDefinition(k, json(v.get("schema")), json(v.get("default")),
                    text(v, "description", "description", false), bool(v, "secure")));
        });
        List<Profile> profiles = new ArrayList<>();
        each(root.get("profiles"), "profiles", (k, v) -> {
            keys(v, PROFILE, "profile " + k);
            lines.put("profile " + k, v.line());
            profiles.add(new Profile(k, text(v, "description", "description", false),
                    strings(v.get("includes"), "includes"), map(v.get("params"), "params")));
        });
        List<Task> tasks = new ArrayList<>();
        each(root.get("tasks"), "tasks", (k, v) -> tasks.add(task(k, v)));
        List<Stage> stages = new ArrayList<>();
        each(root.get("stages"), "stages", (k, v) -> {
            keys(v, STAGE, "stage " + k);
            lines.put("stage " + k, v.line());
            line("stage " + k + " tasks", v.get("tasks"));
            line("stage " + k + " profiles", v.get("profiles"));
            line("stage " + k + " params", v.get("params"));
            stages.add(new Stage(k, text(v, "description", "description", false), strings(v.get("tasks"), "tasks"),
                    map(v.get("params"), "params"), strings(v.get("profiles"), "profiles"), name));
        });
        List<Workflow> workflows = new ArrayList<>();
        each(root.get("workflows"), "workflows", (k, v) -> {
            keys(v, WORKFLOW, "workflow " + k);
            lines.put("workflow " + k, v.line());
            line("workflow " + k + " stages", v.get("stages"));
            workflows.add(new Workflow(k, text(v, "description", "description", false),
                    strings(v.get("stages"), "stages"), name));
        });
        if (!problems.isEmpty()) {
            throw new PackImportException(sorted());
        }
        ContentPack pack = new ContentPack(name, text(root, "version", "version", true),
                text(root, "description", "description", false), strings(root.get("prerequisites"),
                "prerequisites"), params, profiles, tasks, stages, workflows);
        return new PackFile(file, pack, lines);
    }

    private Task task(String k, YNode v) {
        keys(v, TASK, "task " + k);
        lines.put("task " + k, v.line());
        for (String f : TASK) {
            line("task " + k + " " + f, v.get(f));
        }
        List<TaskTemplate> templates = new ArrayList<>();
        YNode ts = v.get("templates");
        if (ts != null && !ts.isList()) {
            problem(ts, "templates", "task " + k + ": templates must be a list");
        } else if (ts != null) {
            for (YNode t : ts.items()) {
                templates.add(template(k, t));
            }
        }
        return new Task(k, text(v, "description", "description", false), templates,
                strings(v.get("required"), "required"), strings(v.get("optional"), "optional"),
                strings(v.get("publishes"), "publishes"), seconds(v.get("timeout"), "timeout"),
                integer(v.get("retries"), "retries", 0), orZero(seconds(v.get("backoff"), "backoff")),
                integer(v.get("incomplete_exit"), "incomplete_exit", Task.NONE),
                integer(v.get("reboot_exit"), "reboot_exit", Task.NONE), "", bool(v, "continue_on_failure"));
    }

    private TaskTemplate template(String task, YNode t) {
        if (!t.isMap()) {
            problem(t, "templates", "task " + task + ": a template is a mapping with script, or file and content");
            return TaskTemplate.script("", "");
        }
        keys(t, TEMPLATE, "task " + task + " template");
        String name = text(t, "name", "name", false);
        if (t.get("script") != null) {
            if (t.get("file") != null || t.get("content") != null) {
                problem(t, "templates", "task " + task + ": a template has either script, or file and content");
            }
            return TaskTemplate.script(name, text(t, "script", "script", true));
        }
        if (t.get("file") == null) {
            problem(t, "templates", "task " + task + ": a template needs script, or file and content");
            return TaskTemplate.script(name, "");
        }
        YNode mode = t.get("mode");
        String m = mode == null ? "" : mode.raw() == null ? "" : mode.raw(); // 0644 as written, not 420
        return TaskTemplate.file(name, text(t, "file", "file", true), m, text(t, "owner", "owner", false),
                text(t, "content", "content", true));
    }

    /** A mapping's entries in order; a missing one is empty, anything but a mapping a problem. */
    private void each(YNode n, String field, java.util.function.BiConsumer<String, YNode> f) {
        if (n == null || (n.isScalar() && n.value().isNull())) {
            return;
        }
        if (!n.isMap()) {
            problem(n, field, field + " must be a mapping of names to definitions");
            return;
        }
        n.fields().forEach((k, v) -> {
            if (!v.isMap()) {
                problem(v, field, field + ": " + k + " must be a mapping");
            } else {
                f.accept(k, v);
            }
        });
    }

    private void keys(YNode n, Set<String> allowed, String what) {
        if (!n.isMap()) {
            return;
        }
        n.fields().forEach((k, v) -> {
            if (!allowed.contains(k)) {
                problem(v, k, what + ": unknown key " + k + " (known: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        });
    }

    private String text(YNode n, String key, String field, boolean required) {
        YNode v = n.get(key);
        if (v == null || (v.isScalar() && v.value().isNull())) {
            if (required) {
                problem(n, field, field + " is missing");
            }
            return "";
        }
        if (!v.isScalar()) {
            problem(v, field, field + " must be text");
            return "";
        }
        return v.raw();
    }

    private boolean bool(YNode n, String key) {
        YNode v = n.get(key);
        if (v == null) {
            return false;
        }
        if (!v.isScalar() || !v.value().isBoolean()) {
            problem(v, key, key + " must be true or false");
            return false;
        }
        return v.value().asBoolean();
    }

    private List<String> strings(YNode v, String field) {
        if (v == null || (v.isScalar() && v.value().isNull())) {
            return List.of();
        }
        if (!v.isList() || v.items().stream().anyMatch(i -> !i.isScalar())) {
            problem(v, field, field + " must be a list of names");
            return List.of();
        }
        return v.items().stream().map(YNode::raw).toList();
    }

    private Map<String, JsonNode> map(YNode v, String field) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (v == null || (v.isScalar() && v.value().isNull())) {
            return out;
        }
        if (!v.isMap()) {
            problem(v, field, field + " must be a mapping of param names to values");
            return out;
        }
        v.fields().forEach((k, x) -> out.put(k, x.json()));
        return out;
    }

    private static JsonNode json(YNode v) {
        return v == null ? null : v.json();
    }

    private int integer(YNode v, String field, int dflt) {
        if (v == null) {
            return dflt;
        }
        if (!v.isScalar() || !v.value().isIntegralNumber() || !v.value().canConvertToInt()) {
            problem(v, field, field + " must be a whole number");
            return dflt;
        }
        return v.value().asInt();
    }

    private Duration seconds(YNode v, String field) {
        if (v == null || (v.isScalar() && v.value().isNull())) {
            return null;
        }
        if (!v.isScalar() || !v.value().isNumber() || v.value().decimalValue().signum() < 0
                || v.value().decimalValue().compareTo(BigDecimal.valueOf(86_400)) > 0) {
            problem(v, field, field + " must be a number of seconds from 0 to 86400");
            return null;
        }
        return Duration.ofMillis(v.value().decimalValue().movePointRight(3).longValue());
    }

    private static Duration orZero(Duration d) {
        return d == null ? Duration.ZERO : d;
    }

    private void line(String key, YNode v) {
        if (v != null) {
            lines.put(key, v.line());
        }
    }

    private void problem(YNode at, String field, String message) {
        order.add(new int[] {at.line(), problems.size()});
        problems.add(file + ":" + at.line() + ": " + field + ": " + message);
    }

    private List<String> sorted() {
        return order.stream().sorted(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]))
                .map(a -> problems.get(a[1])).toList();
    }
}
