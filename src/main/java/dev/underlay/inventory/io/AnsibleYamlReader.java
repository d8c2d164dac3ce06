package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads an Ansible YAML inventory: top-level keys are groups (usually {@code all}); each group may hold
 * {@code hosts} (name: vars), {@code vars} and {@code children} (name: group). Values keep their YAML types.
 */
final class AnsibleYamlReader {
    private static final Set<String> GROUP_KEYS = Set.of("hosts", "vars", "children");
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
        if (root.isMissingNode() || root.isNull()) {
            return model;
        }
        if (!root.isObject()) {
            src.problem(1, "", "an Ansible YAML inventory maps group names (such as all) to groups");
            return model;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            group(e.getKey(), e.getValue(), tree.line(root, e.getKey()), 0);
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
            src.problem(line, name, "group " + name + " must be a mapping with hosts, vars or children");
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!GROUP_KEYS.contains(k)) {
                src.problem(tree.line(node, k), k, "group " + name + ": unknown key '" + k
                        + "' (expected hosts, vars or children)");
            }
        }
        JsonNode hosts = node.get("hosts");
        if (hosts != null && !hosts.isNull()) {
            if (!hosts.isObject()) {
                src.problem(tree.line(node, "hosts"), "hosts", "group " + name + ": hosts must map host names to "
                        + "their vars");
            } else {
                hosts.fields().forEachRemaining(h -> host(g, hosts, h.getKey(), h.getValue()));
            }
        }
        JsonNode vars = node.get("vars");
        if (vars != null && !vars.isNull()) {
            if (!vars.isObject()) {
                src.problem(tree.line(node, "vars"), "vars", "group " + name + ": vars must be a mapping");
            } else {
                vars.fields().forEachRemaining(v -> g.vars.put(v.getKey(),
                        new AnsibleModel.Var(v.getValue(), tree.line(vars, v.getKey()))));
            }
        }
        JsonNode children = node.get("children");
        if (children != null && !children.isNull()) {
            if (!children.isObject()) {
                src.problem(tree.line(node, "children"), "children", "group " + name
                        + ": children must map group names to groups");
            } else {
                children.fields().forEachRemaining(c -> {
                    g.children.add(c.getKey());
                    group(c.getKey(), c.getValue(), tree.line(children, c.getKey()), depth + 1);
                });
            }
        }
    }

    private void host(AnsibleModel.Group g, JsonNode hosts, String pattern, JsonNode vars) {
        int line = tree.line(hosts, pattern);
        java.util.List<String> names;
        try {
            names = AnsibleModel.expand(pattern);
        } catch (IllegalArgumentException e) {
            src.problem(line, "name", e.getMessage());
            return;
        }
        if (vars != null && !vars.isNull() && !vars.isObject()) {
            src.problem(line, pattern, "host " + pattern + ": its vars must be a mapping");
            return;
        }
        for (String n : names) {
            AnsibleModel.Host h = model.host(n, line);
            g.hosts.add(n);
            if (vars != null && vars.isObject()) {
                vars.fields().forEachRemaining(v -> h.vars.put(v.getKey(),
                        new AnsibleModel.Var(v.getValue(), tree.line(vars, v.getKey()))));
            }
        }
    }
}
