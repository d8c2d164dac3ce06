package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an Ansible INI inventory: hosts before any section are ungrouped; {@code [g]} lists hosts with
 * {@code key=value} vars, {@code [g:vars]} sets group vars, {@code [g:children]} lists child groups. Values go
 * through {@link Json#lenient} (numbers, booleans and JSON stay typed); quoted values stay text.
 */
final class AnsibleIniReader {
    private enum Kind { HOSTS, VARS, CHILDREN }

    private final ImportSource src;
    private final AnsibleModel model = new AnsibleModel();
    private Kind kind = Kind.HOSTS;
    private AnsibleModel.Group group;

    AnsibleIniReader(ImportSource src) {
        this.src = src;
        model.group(AnsibleModel.ALL, 0);
        group = model.group(AnsibleModel.UNGROUPED, 0);
    }

    AnsibleModel read(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            line(i + 1, lines.get(i).strip());
        }
        return model;
    }

    private void line(int no, String text) {
        if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
            return;
        }
        if (text.startsWith("[") && text.endsWith("]") && !text.substring(1).contains("[")) {
            section(no, text.substring(1, text.length() - 1).strip());
            return;
        }
        switch (kind) {
            case VARS -> {
                int eq = text.indexOf('=');
                if (eq <= 0) {
                    src.problem(no, "", "expected key=value in [" + group.name + ":vars], not '" + text + "'");
                    return;
                }
                String key = text.substring(0, eq).strip();
                group.vars.put(key, new AnsibleModel.Var(value(text.substring(eq + 1).strip()), no));
            }
            case CHILDREN -> {
                String child = stripComment(text);
                model.group(child, no);
                group.children.add(child);
            }
            default -> hostLine(no, text);
        }
    }

    private void section(int no, String header) {
        int colon = header.indexOf(':');
        String name = colon < 0 ? header : header.substring(0, colon);
        String suffix = colon < 0 ? "" : header.substring(colon + 1);
        if (name.isEmpty()) {
            src.problem(no, "", "a section needs a group name, as [web] or [web:vars]");
        }
        kind = switch (suffix) {
            case "" -> Kind.HOSTS;
            case "vars" -> Kind.VARS;
            case "children" -> Kind.CHILDREN;
            default -> {
                src.problem(no, "", "unknown section kind ':" + suffix + "' (expected :vars or :children)");
                yield Kind.HOSTS;
            }
        };
        group = model.group(name, no);
    }

    private void hostLine(int no, String text) {
        List<String> tokens;
        try {
            tokens = tokens(text);
        } catch (IllegalArgumentException e) {
            src.problem(no, "", e.getMessage());
            return;
        }
        if (tokens.isEmpty()) {
            return;
        }
        List<String> names;
        try {
            names = AnsibleModel.expand(tokens.get(0));
        } catch (IllegalArgumentException e) {
            src.problem(no, "name", e.getMessage());
            return;
        }
        for (String n : names) {
            AnsibleModel.Host h = model.host(n, no);
            group.hosts.add(n);
            for (String t : tokens.subList(1, tokens.size())) {
                int eq = t.indexOf('=');
                if (eq <= 0) {
                    src.problem(no, "", "host " + n + ": expected key=value after the host name, not '" + t + "'");
                    return;
                }
                h.vars.put(t.substring(0, eq), new AnsibleModel.Var(value(t.substring(eq + 1)), no));
            }
        }
    }

    private static String stripComment(String text) {
        int hash = text.indexOf(" #");
        return (hash < 0 ? text : text.substring(0, hash)).strip();
    }

    /** Splits a host line at spaces outside quotes; quotes are kept so that {@link #value} sees them. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                cur.append(c);
            } else if (c == '#' && cur.length() == 0) {
                break; // the rest of the line is a comment
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote (" + quote + ") is never closed");
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Quoted values are text without their quotes; anything else is read leniently as JSON. */
    static JsonNode value(String raw) {
        String v = raw.strip();
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return TextNode.valueOf(v.substring(1, v.length() - 1));
        }
        if (v.equals("True") || v.equals("False")) {
            return Json.lenient(v.toLowerCase(java.util.Locale.ROOT));
        }
        return Json.lenient(v);
    }
}
