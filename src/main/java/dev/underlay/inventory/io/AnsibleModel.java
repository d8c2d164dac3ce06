package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Ansible inventory as read from INI or YAML: groups with hosts, children and vars; hosts with vars. */
final class AnsibleModel {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";
    /** Bound on how many hosts one range pattern may produce, so a typo cannot exhaust memory. */
    static final int MAX_RANGE = 100_000;
    private static final Pattern RANGE = Pattern.compile("\\[([^\\]:]+):([^\\]:]+)(?::(\\d+))?\\]");

    /** A variable's value and the line that set it. */
    record Var(JsonNode value, int line) {
    }

    static final class Group {
        final String name;
        final int line;
        final Map<String, Var> vars = new LinkedHashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();
        final Set<String> children = new LinkedHashSet<>();

        Group(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    static final class Host {
        final String name;
        final int line;
        final Map<String, Var> vars = new LinkedHashMap<>();

        Host(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }

    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Host> hosts = new LinkedHashMap<>();

    Group group(String name, int line) {
        return groups.computeIfAbsent(name, n -> new Group(n, line));
    }

    Host host(String name, int line) {
        return hosts.computeIfAbsent(name, n -> new Host(n, line));
    }

    /** Parents of each group, from the children relations. */
    Map<String, List<String>> parents() {
        Map<String, List<String>> out = new HashMap<>();
        for (Group g : groups.values()) {
            for (String c : g.children) {
                out.computeIfAbsent(c, k -> new ArrayList<>()).add(g.name);
            }
        }
        return out;
    }

    /**
     * Expands Ansible range patterns: {@code node[01:20]} (zero padding kept), {@code [a:c]}, and a stride
     * {@code [0:10:2]}. Throws IllegalArgumentException with a sentence for bad ranges.
     */
    static List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String head = pattern.substring(0, m.start());
        List<String> tails = expand(pattern.substring(m.end()));
        String from = m.group(1);
        String to = m.group(2);
        int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        if (step < 1) {
            throw new IllegalArgumentException("range " + m.group() + " has a step below 1");
        }
        List<String> items = new ArrayList<>();
        if (from.matches("\\d+") && to.matches("\\d+")) {
            long a = Long.parseLong(from);
            long b = Long.parseLong(to);
            if (a > b) {
                throw new IllegalArgumentException("range " + m.group() + " counts down; write it as [" + to
                        + ":" + from + "]");
            }
            if ((b - a) / step + 1 > MAX_RANGE) {
                throw new IllegalArgumentException("range " + m.group() + " makes more than " + MAX_RANGE
                        + " hosts");
            }
            String fmt = from.startsWith("0") && from.length() > 1 ? "%0" + from.length() + "d" : "%d";
            for (long i = a; i <= b; i += step) {
                items.add(String.format(fmt, i));
            }
        } else if (from.length() == 1 && to.length() == 1 && Character.isLetter(from.charAt(0))
                && Character.isLetter(to.charAt(0)) && from.charAt(0) <= to.charAt(0)) {
            for (char c = from.charAt(0); c <= to.charAt(0); c += (char) step) {
                items.add(String.valueOf(c));
            }
        } else {
            throw new IllegalArgumentException("range " + m.group() + " is neither numbers like [01:20] nor "
                    + "letters like [a:c]");
        }
        List<String> out = new ArrayList<>();
        for (String i : items) {
            for (String t : tails) {
                out.add(head + i + t);
                if (out.size() > MAX_RANGE) {
                    throw new IllegalArgumentException("pattern " + pattern + " makes more than " + MAX_RANGE
                            + " hosts");
                }
            }
        }
        return out;
    }
}
