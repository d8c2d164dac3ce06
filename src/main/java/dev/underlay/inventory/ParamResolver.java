package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a machine's params: the machine's own, then its profiles in order (each profile's own params before
 * the profiles it includes, depth first), then the profiles of clusters it belongs to, then the global profile,
 * then param defaults. The first value found wins and keeps its source.
 */
public final class ParamResolver {
    private ParamResolver() {
    }

    public static Map<String, ResolvedParam> resolve(Inventory inv, Machine m) {
        Map<String, ResolvedParam> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : m.params().entrySet()) {
            put(inv, out, e.getKey(), e.getValue(), ParamSource.machine(m.name()));
        }
        for (String p : m.profiles()) {
            walk(inv, out, p, ParamSource.Kind.PROFILE, new ArrayDeque<>());
        }
        for (ClusterRole role : inv.clusterRoles(m.name())) {
            Cluster c = inv.clusters().get(role.cluster());
            if (c != null && c.profile() != null && !c.profile().isEmpty()) {
                walk(inv, out, c.profile(), ParamSource.Kind.CLUSTER_PROFILE, new ArrayDeque<>());
            }
        }
        Profile global = inv.profiles().get(Profile.GLOBAL);
        if (global != null) {
            for (Map.Entry<String, JsonNode> e : global.params().entrySet()) {
                put(inv, out, e.getKey(), e.getValue(), new ParamSource(ParamSource.Kind.GLOBAL, Profile.GLOBAL, ""));
            }
        }
        for (ParamDefinition d : inv.paramDefinitions().values()) {
            if (d.defaultValue() != null) {
                put(inv, out, d.name(), d.defaultValue(), new ParamSource(ParamSource.Kind.DEFAULT, "", ""));
            }
        }
        return out;
    }

    /**
     * The value of one param as {@link #resolve} would give it, or null when nothing sets it: the same order, but
     * it stops at the first value found and builds no map (the search box tests this on 100,000 machines).
     */
    public static JsonNode value(Inventory inv, Machine m, String key) {
        JsonNode v = m.params().get(key);
        for (int i = 0; v == null && i < m.profiles().size(); i++) {
            v = find(inv, m.profiles().get(i), key, null);
        }
        if (v == null) {
            for (ClusterRole role : inv.clusterRoles(m.name())) {
                Cluster c = inv.clusters().get(role.cluster());
                if (c != null && c.profile() != null && !c.profile().isEmpty()) {
                    v = find(inv, c.profile(), key, null);
                    if (v != null) {
                        break;
                    }
                }
            }
        }
        if (v == null) {
            Profile global = inv.profiles().get(Profile.GLOBAL);
            v = global == null ? null : global.params().get(key);
        }
        if (v == null) {
            ParamDefinition d = inv.paramDefinitions().get(key);
            v = d == null ? null : d.defaultValue();
        }
        return v;
    }

    /** Depth first through includes, skipping a profile already on the path, exactly as {@link #walk}. */
    private static JsonNode find(Inventory inv, String name, String key, Deque<String> path) {
        Profile p = inv.profiles().get(name);
        if (p == null || name.equals(Profile.GLOBAL) || (path != null && path.contains(name))) {
            return null;
        }
        JsonNode v = p.params().get(key);
        if (v != null || p.includes().isEmpty()) {
            return v;
        }
        Deque<String> on = path == null ? new ArrayDeque<>() : path;
        on.addLast(name);
        for (int i = 0; v == null && i < p.includes().size(); i++) {
            v = find(inv, p.includes().get(i), key, on);
        }
        on.removeLast();
        return v;
    }

    private static void walk(Inventory inv, Map<String, ResolvedParam> out, String name, ParamSource.Kind kind,
                             Deque<String> path) {
        Profile p = inv.profiles().get(name);
        if (p == null || path.contains(name) || name.equals(Profile.GLOBAL)) {
            return; // missing profiles and cycles are reported by InventoryRules; resolution stays total
        }
        String via = String.join(" > ", path);
        for (Map.Entry<String, JsonNode> e : p.params().entrySet()) {
            put(inv, out, e.getKey(), e.getValue(), new ParamSource(kind, name, via));
        }
        path.addLast(name);
        for (String inc : p.includes()) {
            walk(inv, out, inc, kind, path);
        }
        path.removeLast();
    }

    private static void put(Inventory inv, Map<String, ResolvedParam> out, String key, JsonNode value,
                            ParamSource source) {
        if (!out.containsKey(key)) {
            ParamDefinition d = inv.paramDefinitions().get(key);
            out.put(key, new ResolvedParam(key, value, source, d != null && d.secure()));
        }
    }

    /** The include chain that loops back to {@code start}, or empty when there is none. */
    public static List<String> findCycle(Inventory inv, String start) {
        List<String> path = new ArrayList<>();
        path.add(start);
        return dfs(inv, start, start, path, 0) ? path : List.of();
    }

    private static boolean dfs(Inventory inv, String start, String at, List<String> path, int depth) {
        Profile p = inv.profiles().get(at);
        if (p == null || depth > inv.profiles().size()) {
            return false;
        }
        for (String inc : p.includes()) {
            path.add(inc);
            if (inc.equals(start) || (!path.subList(0, path.size() - 1).contains(inc)
                    && dfs(inv, start, inc, path, depth + 1))) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }
}
