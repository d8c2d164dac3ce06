package dev.underlay.inventory.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Ansible INI inventory as Ansible's {@code ini} plugin does: hosts before any section are ungrouped;
 * {@code [g]} lists hosts ({@code host:port}, ranges) with {@code key=value} vars split as a shell splits words;
 * {@code [g:vars]} sets group vars, one {@code key=value} a line; {@code [g:children]} lists child groups, which
 * must be declared somewhere in the file. Values are Python literals when they are one ({@link PyLiteral}).
 * Each bad line is a problem and reading goes on, so that a file's problems come out together.
 */
final class AnsibleIniReader {
    private enum Kind { HOSTS, VARS, CHILDREN }

    private static final Pattern SECTION = Pattern.compile("\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:#.*)?");
    private static final Pattern GROUP_NAME = Pattern.compile("([^:\\]\\s]+)\\s*(?:#.*)?");

    private final ImportSource src;
    private final AnsibleModel model = new AnsibleModel();
    /** A group named by [x:children] or [x:vars] but not (yet) declared, and what to say if it never is. */
    private record Pending(int line, String message) {
    }

    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private Kind kind = Kind.HOSTS;
    private AnsibleModel.Group group;

    AnsibleIniReader(ImportSource src) {
        this.src = src;
        model.group(AnsibleModel.ALL, 0);
        group = model.group(AnsibleModel.UNGROUPED, 0);
    }

    AnsibleModel read(String text) {
        int no = 0;
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = start;
            while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            line(++no, text.substring(start, end).strip());
            if (end + 1 < n && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n') {
                end++;
            }
            start = end + 1;
        }
        pending.values().forEach(p -> src.problem(p.line(), "", p.message()));
        model.reconcile();
        for (AnsibleModel.Cycle c : model.cycles()) {
            src.problem(c.line(), "", c.message());
        }
        return model;
    }

    private void line(int no, String text) {
        if (text.isEmpty() || text.charAt(0) == '#' || text.charAt(0) == ';') {
            return;
        }
        if (text.charAt(0) == '[') {
            Matcher m = SECTION.matcher(text);
            if (m.matches()) {
                section(no, m.group(1), m.group(2));
                return;
            }
            if (text.endsWith("]")) {
                src.problem(no, "", "'" + text + "' is not a section header: write [group], [group:vars] or "
                        + "[group:children], without spaces");
                kind = Kind.HOSTS;
                group = null;
                return;
            }
        }
        if (group == null) {
            return; // under a bad header: reported once, there
        }
        switch (kind) {
            case VARS -> varLine(no, text);
            case CHILDREN -> childLine(no, text);
            default -> hostLine(no, text);
        }
    }

    private void section(int no, String name, String suffix) {
        String s = suffix == null ? "hosts" : suffix;
        kind = switch (s) {
            case "hosts" -> Kind.HOSTS;
            case "vars" -> Kind.VARS;
            case "children" -> Kind.CHILDREN;
            default -> null;
        };
        if (kind == null) {
            src.problem(no, "", "section [" + name + ":" + s + "] has an unknown kind (expected [" + name + "], ["
                    + name + ":vars] or [" + name + ":children])");
            kind = Kind.HOSTS;
            group = null;
            return;
        }
        boolean known = model.groups.containsKey(name);
        group = model.group(name, no);
        if (kind == Kind.VARS) {
            if (!known && !pending.containsKey(name)) {
                pending.put(name, new Pending(no, "section [" + name + ":vars] sets vars of group " + name
                        + ", which is never declared (add a [" + name + "] or [" + name + ":children] section)"));
            }
        } else {
            pending.remove(name);
        }
    }

    private void varLine(int no, String text) {
        int eq = text.indexOf('=');
        String key = eq < 0 ? "" : text.substring(0, eq).strip();
        if (key.isEmpty()) {
            src.problem(no, "", "expected key=value in [" + group.name + ":vars], not '" + text + "'");
            return;
        }
        String raw = text.substring(eq + 1).strip();
        if (!priority(no, key, raw)) {
            group.vars.put(key, new AnsibleModel.Var(PyLiteral.value(raw), no));
        }
    }

    /** ansible_group_priority orders groups (Ansible keeps it out of the vars); false when {@code key} is another. */
    private boolean priority(int no, String key, String raw) {
        if (!key.equals(AnsibleModel.PRIORITY)) {
            return false;
        }
        try {
            group.priority = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            src.problem(no, key, "group " + group.name + ": " + key + " must be a whole number, not '" + raw + "'");
        }
        return true;
    }

    private void childLine(int no, String text) {
        Matcher m = GROUP_NAME.matcher(text);
        if (!m.matches()) {
            src.problem(no, "", "expected a group name in [" + group.name + ":children], not '" + text + "'");
            return;
        }
        String child = m.group(1);
        if (!model.groups.containsKey(child) && !pending.containsKey(child)) {
            pending.put(child, new Pending(no, "[" + group.name + ":children] lists group " + child
                    + ", which is never declared (add a [" + child + "] or [" + child + ":children] section)"));
        }
        model.group(child, no);
        group.child(child, no);
    }

    private void hostLine(int no, String text) {
        List<String> tokens;
        try {
            tokens = Shlex.split(text);
        } catch (IllegalArgumentException e) {
            src.problem(no, "", e.getMessage());
            return;
        }
        if (tokens.isEmpty()) {
            return;
        }
        AnsibleModel.HostPattern pattern;
        try {
            pattern = AnsibleModel.hostPattern(tokens.get(0), true);
        } catch (IllegalArgumentException e) {
            src.problem(no, "name", e.getMessage());
            return;
        }
        List<AnsibleModel.Var> values = new ArrayList<>(tokens.size() - 1);
        List<String> keys = new ArrayList<>(tokens.size() - 1);
        for (String t : tokens.subList(1, tokens.size())) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                src.problem(no, "", "host " + tokens.get(0) + ": expected key=value after the host name, not '" + t
                        + "'");
                return;
            }
            keys.add(t.substring(0, eq));
            values.add(new AnsibleModel.Var(PyLiteral.value(t.substring(eq + 1)), no));
        }
        for (String name : pattern.names()) {
            AnsibleModel.Host h = model.host(name, no);
            group.add(h);
            if (pattern.port() != null) {
                h.vars.put(AnsibleModel.PORT_VAR, new AnsibleModel.Var(AnsibleModel.portNode(pattern.port()), no));
            }
            for (int k = 0; k < keys.size(); k++) {
                h.vars.put(keys.get(k), values.get(k));
            }
        }
    }
}
