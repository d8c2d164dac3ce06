package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads an Ansible YAML inventory as Ansible's {@code yaml} plugin does: top-level keys are groups (usually
 * {@code all}); each group may hold {@code hosts} (pattern: vars, where a pattern may carry {@code :port} and
 * ranges), {@code vars} and {@code children} (name: group), each also written as one name. Sections are read in
 * the file's order, so that a host listed twice gets the vars written last. Values keep their YAML types.
 */
final class AnsibleYamlReader {
    private static final int MAX_DEPTH = 100;

    private final ImportSource src;
    private final LocatedTree tree;
    private final AnsibleModel model = new AnsibleModel();

    AnsibleYamlReader(ImportSource src, LocatedTree tree) {
        this.src = src;
        this.tree = tree;
    }

    AnsibleModel read() {
        JsonNode root = tree.root();
        model.group(AnsibleModel.ALL, 0);
        model.group(AnsibleModel.UNGROUPED, 0);
        if (root.isMissingNode() || root.isNull()) {
            return model;
        }
        if (!root.isObject()) {
            src.problem(1, "", "an Ansible YAML inventory maps group names (such as all) to groups, not "
                    + YamlScalars.kind(root));
            return model;
        }
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> e = it.next();
            group(e.getKey(), e.getValue(), tree.fieldLine(root, i), 0);
        }
        model.reconcile();
        for (AnsibleModel.Cycle c : model.cycles()) {
            src.problem(c.line(), "children", c.message());
        }
        return model;
    }

    private void group(String name, JsonNode node, int line, int depth) {
        AnsibleModel.Group g = model.group(name, line);
        if (depth > MAX_DEPTH) {
            src.problem(line, name, "groups nest more than " + MAX_DEPTH + " levels deep");
            return;
        }
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            src.problem(line, name, "group " + name + " must be a mapping with hosts, vars or children, not "
                    + YamlScalars.kind(node));
            return;
        }
        int i = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); i++) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            int at = tree.fieldLine(node, i);
            JsonNode v = e.getValue();
            if (!k.equals("hosts") && !k.equals("vars") && !k.equals("children")) {
                src.problem(at, k, "group " + name + ": unknown key '" + k + "' (expected hosts, vars or children)");
            } else if (v == null || v.isNull()) {
                continue;
            } else if (v.isTextual()) {
                section(g, k, v.asText(), null, at, depth); // "hosts: web01" is {web01: null}
            } else if (!v.isObject()) {
                src.problem(at, k, "group " + name + ": " + k + " must be a mapping, not " + YamlScalars.kind(v));
            } else {
                int j = 0;
                for (Iterator<Map.Entry<String, JsonNode>> f = v.fields(); f.hasNext(); j++) {
                    Map.Entry<String, JsonNode> entry = f.next();
                    section(g, k, entry.getKey(), entry.getValue(), tree.fieldLine(v, j), depth);
                }
            }
        }
    }

    private void section(AnsibleModel.Group g, String kind, String key, JsonNode value, int line, int depth) {
        switch (kind) {
            case "hosts" -> host(g, key, value, line);
            case "children" -> {
                g.child(key, line);
                group(key, value, line, depth + 1);
            }
            default -> {
                if (key.equals(AnsibleModel.PRIORITY)) {
                    if (value != null && value.canConvertToInt() && (value.isIntegralNumber()
                            || value.asText().matches("-?\\d+"))) {
                        g.priority = value.asInt();
                    } else {
                        src.problem(line, key, "group " + g.name + ": " + key + " must be a whole number");
                    }
                } else {
                    g.vars.put(key, new AnsibleModel.Var(value == null ? YamlScalars.plain("") : value, line));
                }
            }
        }
    }

    private void host(AnsibleModel.Group g, String pattern, JsonNode vars, int line) {
        AnsibleModel.HostPattern p;
        try {
            p = AnsibleModel.hostPattern(pattern, false);
        } catch (IllegalArgumentException e) {
            src.problem(line, "name", e.getMessage());
            return;
        }
        if (vars != null && !vars.isNull() && !vars.isObject()) {
            src.problem(line, pattern, "host " + pattern + ": its vars must be a mapping, not "
                    + YamlScalars.kind(vars));
            return;
        }
        List<String> names = p.names();
        for (String n : names) {
            AnsibleModel.Host h = model.host(n, line);
            g.add(h);
            if (p.port() != null) {
                h.vars.put(AnsibleModel.PORT_VAR, new AnsibleModel.Var(AnsibleModel.portNode(p.port()), line));
            }
            if (vars != null && vars.isObject()) {
                int i = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); i++) {
                    Map.Entry<String, JsonNode> v = it.next();
                    h.vars.put(v.getKey(), new AnsibleModel.Var(v.getValue(), tree.fieldLine(vars, i)));
                }
            }
        }
    }
}
