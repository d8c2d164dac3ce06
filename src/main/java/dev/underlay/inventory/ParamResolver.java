package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resolves a machine's params: the machine's own, then its profiles in order (each profile's own params before
 * the profiles it includes, depth first), then, in a job, the stage's own params and its profiles
 * ({@link StageParams}), then the profiles of clusters it belongs to, then the global profile, then param defaults.
 * The first value found wins and keeps its source.
 */
public final class ParamResolver {
    private ParamResolver() {
    }

    public static Map<String, ResolvedParam> resolve(Inventory inv, Machine m) {
        return resolve(inv, m, StageParams.NONE);
    }

    /** The params of {@code m} as a step of {@code stage} sees them, each with its source. */
    public static Map<String, ResolvedParam> resolve(Inventory inv, Machine m, StageParams stage) {
        Map<String, ResolvedParam> out = new LinkedHashMap<>();
        visit(inv, m, stage, (params, source) -> {
            ParamSource from = params.isEmpty() ? null : source.get(); // one per profile, shared by its params
            for (Map.Entry<String, JsonNode> e : params.entrySet()) {
                put(inv, out, e.getKey(), e.getValue(), from);
            }
            return false;
        });
        for (ParamDefinition d : inv.paramDefinitions().values()) {
            if (d.defaultValue() != null) {
                put(inv, out, d.name(), d.defaultValue(), new ParamSource(ParamSource.Kind.DEFAULT, "", ""));
            }
        }
        return out;
    }

    /**
     * The value of one param as {@link #resolve} would give it, or null when nothing sets it: the same walk, but
     * it stops at the first value found and builds no map (the search box tests this on 100,000 machines).
     */
    public static JsonNode value(Inventory inv, Machine m, String key) {
        JsonNode[] found = {null};
        visit(inv, m, StageParams.NONE, (params, source) -> (found[0] = params.get(key)) != null);
        if (found[0] == null) {
            ParamDefinition d = inv.paramDefinitions().get(key);
            return d == null ? null : d.defaultValue();
        }
        return found[0];
    }

    /** One set of params met in resolution order; answers true to end the walk. */
    @FunctionalInterface
    private interface Visitor {
        boolean visit(Map<String, JsonNode> params, Supplier<ParamSource> source);
    }

    /**
     * The order of resolution, defaults aside: the machine's own params, its profiles, the stage's params and
     * profiles, its clusters' profiles, the global profile. Stops when the visitor says so. Sources are built only
     * when asked for.
     */
    private static void visit(Inventory inv, Machine m, StageParams stage, Visitor visitor) {
        if (visitor.visit(m.params(), () -> ParamSource.machine(m.name()))) {
            return;
        }
        for (String p : m.profiles()) {
            if (walk(inv, p, ParamSource.Kind.PROFILE, null, visitor)) {
                return;
            }
        }
        if (!stage.stage().isEmpty() && visitor.visit(stage.params(),
                () -> new ParamSource(ParamSource.Kind.STAGE, stage.stage(), ""))) {
            return;
        }
        for (String p : stage.profiles()) {
            if (walk(inv, p, ParamSource.Kind.STAGE_PROFILE, null, visitor)) {
                return;
            }
        }
        for (ClusterRole role : inv.clusterRoles(m.name())) {
            Cluster c = inv.clusters().get(role.cluster());
            if (c != null && c.profile() != null && !c.profile().isEmpty()
                    && walk(inv, c.profile(), ParamSource.Kind.CLUSTER_PROFILE, null, visitor)) {
                return;
            }
        }
        Profile global = inv.profiles().get(Profile.GLOBAL);
        if (global != null) {
            visitor.visit(global.params(), () -> new ParamSource(ParamSource.Kind.GLOBAL, Profile.GLOBAL, ""));
        }
    }

    /**
     * A profile's own params, then the profiles it includes, depth first; true when the visitor ended the walk.
     * {@code path} holds the profiles that led here, null at the top (made only when there are includes: the
     * search box walks this for every machine).
     */
    private static boolean walk(Inventory inv, String name, ParamSource.Kind kind, Deque<String> path,
                                Visitor visitor) {
        Profile p = inv.profiles().get(name);
        if (p == null || (path != null && path.contains(name)) || name.equals(Profile.GLOBAL)) {
            return false; // missing profiles and cycles are reported by InventoryRules; resolution stays total
        }
        if (visitor.visit(p.params(), () -> new ParamSource(kind, name, via(path)))) {
            return true;
        }
        if (p.includes().isEmpty()) {
            return false;
        }
        Deque<String> on = path == null ? new ArrayDeque<>() : path;
        on.addLast(name);
        for (String inc : p.includes()) {
            if (walk(inv, inc, kind, on, visitor)) {
                return true;
            }
        }
        on.removeLast();
        return false;
    }

    private static String via(Deque<String> path) {
        return path == null ? "" : String.join(" > ", path);
    }

    private static void put(Inventory inv, Map<String, ResolvedParam> out, String key, JsonNode value,
                            ParamSource source) {
        if (!out.containsKey(key)) {
            out.put(key, new ResolvedParam(key, value, source, SecureParams.isSecure(inv, key)));
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
