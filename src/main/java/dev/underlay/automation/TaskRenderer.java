package dev.underlay.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.automation.content.Stage;
import dev.underlay.automation.content.Task;
import dev.underlay.automation.content.TaskTemplate;
import dev.underlay.automation.template.TemplateProblem;
import dev.underlay.automation.template.TemplateValues;
import dev.underlay.automation.template.Templates;
import dev.underlay.inventory.ClusterRole;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamValues;
import dev.underlay.inventory.ResolvedParam;
import dev.underlay.inventory.StageParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a task for one machine: its params resolved through the stage ({@link StageParams}), required ones
 * checked, each template rendered twice, with the real values (what runs) and with secure values masked (what is
 * shown and stored). Connects nowhere. Secure values are opened only for templates that mention them.
 */
public final class TaskRenderer {
    private final Templates templates;
    private final ParamValues values;

    public TaskRenderer(Templates templates, ParamValues values) {
        this.templates = templates;
        this.values = values;
    }

    /** The stage's part of resolution; {@code stage} may be null (a task run alone). */
    public static StageParams scope(Stage stage) {
        return stage == null ? StageParams.NONE : new StageParams(stage.name(), stage.params(), stage.profiles());
    }

    /** The stage's part of resolution, then {@code jobProfile} (values a job's hosts in no cluster published). */
    static StageParams scope(Stage stage, String jobProfile) {
        if (jobProfile == null) {
            return scope(stage);
        }
        List<String> profiles = new ArrayList<>(stage == null ? List.of() : stage.profiles());
        profiles.add(jobProfile);
        return new StageParams(stage == null ? "" : stage.name(), stage == null ? Map.of() : stage.params(), profiles);
    }

    public RenderedStep render(Task task, Stage stage, Machine m, Inventory inv) throws RenderException {
        return render(task, stage, null, m, inv);
    }

    /** As {@link #render(Task, Stage, Machine, Inventory)}, also resolving {@code jobProfile} (may be null). */
    public RenderedStep render(Task task, Stage stage, String jobProfile, Machine m, Inventory inv)
            throws RenderException {
        String who = "task " + task.name() + " on " + m.name();
        ParamValues.Revealed r = values.reveal(inv, m, scope(stage, jobProfile));
        for (String p : task.required()) {
            if (!r.resolved().containsKey(p)) {
                throw new RenderException(who + ": required param " + p + " is not set (not on the machine, its "
                        + "profiles, " + (stage == null ? "" : "stage " + stage.name() + ", ")
                        + "its clusters' profiles, global, or a default)");
            }
        }
        Map<String, Object> real = new HashMap<>();
        Map<String, Object> shown = new HashMap<>();
        Object machine = machine(inv, m);
        real.put("machine", machine);
        shown.put("machine", machine);
        for (ResolvedParam p : r.resolved().values()) {
            if (!p.secure()) {
                Object v = TemplateValues.of(p.value());
                real.put(p.name(), v);
                shown.put(p.name(), v);
            } else if (mentioned(task, p.name())) {
                real.put(p.name(), TemplateValues.of(open(r, p, who)));
                shown.put(p.name(), ResolvedParam.MASK);
            } else {
                real.put(p.name(), ResolvedParam.MASK); // not read by any template: never decrypted
                shown.put(p.name(), ResolvedParam.MASK);
            }
        }
        List<RenderedStep.Action> actions = new ArrayList<>();
        int i = 0;
        for (TaskTemplate t : task.templates()) {
            String which = t.name().isEmpty() ? "#" + (i + 1) : t.name();
            String text = render(who, which, t.body(), real);
            String masked = r.redact(render(who, which, t.body(), shown));
            if (t.kind() == TaskTemplate.Kind.SCRIPT) {
                actions.add(new RenderedStep.Script(text, masked));
            } else {
                String path = render(who, which, t.path(), real);
                actions.add(new RenderedStep.WriteFile(path, t.mode(), t.owner(), text, "# file " + r.redact(path)
                        + " (mode " + t.mode() + (t.owner().isEmpty() ? "" : ", owner " + t.owner()) + ")\n"
                        + masked));
            }
            i++;
        }
        return new RenderedStep(actions);
    }

    private String render(String who, String which, String text, Map<String, Object> vars) throws RenderException {
        try {
            return templates.render(text, vars);
        } catch (TemplateProblem e) {
            if (e.param() != null) {
                throw new RenderException(who + ": unknown param " + e.param() + " (template " + which
                        + (e.line() > 0 ? ", line " + e.line() : "") + ")");
            }
            throw new RenderException(who + ": template " + which + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode open(ParamValues.Revealed r, ResolvedParam p, String who) throws RenderException {
        try {
            return r.value(p.name());
        } catch (RuntimeException e) {
            throw new RenderException(who + ": secure param " + p.name() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean mentioned(Task task, String param) {
        for (TaskTemplate t : task.templates()) {
            if (t.body().contains(param) || t.path().contains(param)) {
                return true;
            }
        }
        return false;
    }

    /** {@code {{ machine.name }}}, address, kind, site, rack, tags and roles ({@code cluster:role}). */
    private static Map<String, Object> machine(Inventory inv, Machine m) {
        Map<String, Object> o = new HashMap<>();
        o.put("name", m.name());
        o.put("address", m.address());
        o.put("kind", m.kind().id());
        o.put("site", m.site());
        o.put("rack", m.rack());
        o.put("tags", List.copyOf(m.tags()));
        List<String> roles = new ArrayList<>();
        for (ClusterRole c : inv.clusterRoles(m.name())) {
            roles.add(c.cluster() + ":" + c.role());
        }
        o.put("roles", roles);
        return o;
    }
}
