package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Ansible inventory as read from INI or YAML: groups with hosts, children and vars; hosts with vars; and the
 * order in which Ansible lets a host's groups' vars win over each other ({@link #precedence}).
 */
final class AnsibleModel {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";
    static final String PORT_VAR = "ansible_port";
    /** Orders groups of the same depth; Ansible keeps it out of the group's vars. */
    static final String PRIORITY = "ansible_group_priority";

    /** A variable's value and the line that set it. */
    record Var(JsonNode value, int line) {
    }

    static final class Group {
        final String name;
        final int line;
        final Map<String, Var> vars = new LinkedHashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();
        /** Child group names and the line that made each a child. */
        final Map<String, Integer> children = new LinkedHashMap<>();
        final List<Group> parents = new ArrayList<>(1);
        int priority = 1;
        private int depth = -1;

        Group(String name, int line) {
            this.name = name;
            this.line = line;
        }

        void add(Host h) {
            if (hosts.add(h.name)) {
                h.groups.add(this);
            }
        }

        void child(String name, int line) {
            children.putIfAbsent(name, line);
        }
    }

    static final class Host {
        final String name;
        final int line;
        final Map<String, Var> vars = new LinkedHashMap<>();
        /** The groups that list the host itself, in the order they did. */
        final List<Group> groups = new ArrayList<>(2);

        Host(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    /** Groups that contain each other: {@code groups[i]} lists {@code groups[i+1]} as a child on {@code lines[i]}. */
    record Cycle(List<String> groups, List<Integer> lines) {
        int line() {
            return lines.get(lines.size() - 1);
        }

        String message() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i + 1 < groups.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(groups.get(i)).append(" has child ").append(groups.get(i + 1))
                        .append(lines.get(i) > 0 ? " (line " + lines.get(i) + ")" : "");
            }
            return "groups contain each other in a loop: " + sb + "; a group cannot be its own ancestor (Ansible "
                    + "refuses this too)";
        }
    }

    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<List<Group>, List<String>> precedenceCache = new HashMap<>();

    Group group(String name, int line) {
        Group g = groups.get(name);
        if (g == null) {
            g = new Group(name, line);
            groups.put(name, g);
        }
        return g;
    }

    Host host(String name, int line) {
        Host h = hosts.get(name);
        if (h == null) {
            h = new Host(name, line);
            hosts.put(name, h);
        }
        return h;
    }

    /**
     * What Ansible does once a file is read: a group no other group holds becomes a child of {@code all}; a host
     * in no group but {@code all} is {@code ungrouped}, and one that is in another group is not. Then each
     * group's parents are known and loops between groups are reported and cut ({@link #cycles}).
     */
    void reconcile() {
        Group all = group(ALL, 0);
        Group ungrouped = group(UNGROUPED, 0);
        Set<String> held = new HashSet<>();
        groups.values().forEach(g -> held.addAll(g.children.keySet()));
        for (Group g : groups.values()) {
            if (g != all && !held.contains(g.name)) {
                all.child(g.name, 0);
            }
        }
        for (Host h : hosts.values()) {
            boolean elsewhere = h.groups.stream().anyMatch(g -> g != all && g != ungrouped);
            if (elsewhere && h.groups.remove(ungrouped)) {
                ungrouped.hosts.remove(h.name);
            } else if (!elsewhere) {
                ungrouped.add(h);
            }
        }
    }

    /**
     * Every loop of children (a in b, b in a), each cut at the edge that closes it so that what follows can walk
     * the groups; empty when there is none. Sets each group's parents.
     */
    List<Cycle> cycles() {
        List<Cycle> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        Deque<String> path = new ArrayDeque<>();
        List<Integer> lines = new ArrayList<>();
        for (String g : groups.keySet()) {
            visit(g, state, path, lines, out);
        }
        groups.values().forEach(g -> g.parents.clear());
        for (Group g : groups.values()) {
            for (String c : g.children.keySet()) {
                groups.get(c).parents.add(g);
            }
        }
        return out;
    }

    private void visit(String g, Map<String, Integer> state, Deque<String> path, List<Integer> lines,
                       List<Cycle> out) {
        if (state.getOrDefault(g, 0) != 0) {
            return;
        }
        state.put(g, 1);
        path.addLast(g);
        Group group = group(g, 0);
        for (Map.Entry<String, Integer> c : new ArrayList<>(group.children.entrySet())) {
            int s = state.getOrDefault(c.getKey(), 0);
            if (s == 1) {
                List<String> loop = new ArrayList<>(path);
                List<Integer> loopLines = new ArrayList<>(lines);
                int from = loop.indexOf(c.getKey());
                loop = new ArrayList<>(loop.subList(from, loop.size()));
                loopLines = new ArrayList<>(loopLines.subList(from, loopLines.size()));
                loop.add(c.getKey());
                loopLines.add(c.getValue());
                out.add(new Cycle(loop, loopLines));
                group.children.remove(c.getKey());
            } else if (s == 0) {
                lines.add(c.getValue());
                visit(c.getKey(), state, path, lines, out);
                lines.remove(lines.size() - 1);
            }
        }
        path.removeLast();
        state.put(g, 2);
    }

    /**
     * The host's groups, its own and their ancestors up to {@code all}, strongest first: Ansible applies group vars
     * sorted by depth (how far below {@code all}), then {@code ansible_group_priority}, then name, the last one
     * winning; Underlay's first-found-wins needs the reverse. Needs {@link #cycles} first.
     */
    List<String> precedence(Host h) {
        List<String> cached = precedenceCache.get(h.groups);
        if (cached != null) {
            return cached;
        }
        Set<Group> seen = new LinkedHashSet<>();
        Deque<Group> queue = new ArrayDeque<>(h.groups);
        while (!queue.isEmpty()) {
            Group g = queue.poll();
            if (seen.add(g)) {
                queue.addAll(g.parents);
            }
        }
        seen.add(groups.get(ALL));
        List<Group> sorted = new ArrayList<>(seen);
        sorted.sort(Comparator.comparingInt(this::depth).thenComparingInt((Group g) -> g.priority)
                .thenComparing((Group g) -> g.name).reversed());
        List<String> out = sorted.stream().map(g -> g.name).toList();
        precedenceCache.put(List.copyOf(h.groups), out);
        return out;
    }

    /** Longest way down from {@code all} (0); a group outside any loop, since {@link #cycles} cut them. */
    private int depth(Group g) {
        if (g.depth >= 0) {
            return g.depth;
        }
        if (g.name.equals(ALL)) {
            g.depth = 0;
            return 0;
        }
        g.depth = 1; // provisional: guards against a loop that was not cut
        int d = 1;
        for (Group p : g.parents) {
            d = Math.max(d, depth(p) + 1);
        }
        g.depth = d;
        return d;
    }

    static JsonNode portNode(int port) {
        return IntNode.valueOf(port);
    }

    /** A host pattern split into the hosts it names and the port written after them, if any. */
    record HostPattern(List<String> names, Integer port) {
    }

    /** See {@link AnsibleHostPatterns#parse}. */
    static HostPattern hostPattern(String pattern, boolean ini) {
        return AnsibleHostPatterns.parse(pattern, ini);
    }
}
