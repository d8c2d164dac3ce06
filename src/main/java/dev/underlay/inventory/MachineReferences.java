package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Params whose value is the name of another machine (today the bastion, {@value #BASTION}), kept true when that
 * machine is renamed, and guarding it from deletion while something still goes through it.
 */
public final class MachineReferences {
    /** The machine a host is reached through (OpenSSH's ProxyJump), by name. */
    public static final String BASTION = "ssh_bastion";
    private static final Set<String> PARAMS = Set.of(BASTION);

    private MachineReferences() {
    }

    /**
     * Adds to {@code ch} every machine and profile of {@code before} whose machine-naming params name {@code from},
     * rewritten to name {@code to}. Machines already in {@code ch} are rewritten where they are.
     */
    static void rename(Inventory before, InventoryChanges ch, String from, String to) {
        Map<String, Integer> pending = new LinkedHashMap<>();
        for (int i = 0; i < ch.machines.size(); i++) {
            pending.put(ch.machines.get(i).name(), i);
        }
        for (Machine m : before.machines().values()) {
            Integer at = pending.get(m.name().equals(from) ? to : m.name());
            Machine current = at != null ? ch.machines.get(at) : m;
            Map<String, JsonNode> params = renamed(current.params(), from, to);
            if (params != null) {
                Machine updated = current.toBuilder().params(params).build();
                if (at != null) {
                    ch.machines.set(at, updated);
                } else {
                    ch.machines.add(updated);
                }
            }
        }
        for (Profile p : before.profiles().values()) {
            Map<String, JsonNode> params = renamed(p.params(), from, to);
            if (params != null) {
                ch.profiles.add(new Profile(p.name(), p.description(), p.includes(), params));
            }
        }
    }

    /**
     * Who names {@code machine} in a machine-naming param, apart from machines in {@code leaving}: e.g.
     * {@code "machine fra1-web01 (ssh_bastion)"} or {@code "profile fra1 (ssh_bastion)"}.
     */
    static List<String> referencesTo(Inventory inv, String machine, Collection<String> leaving) {
        List<String> out = new ArrayList<>();
        for (Machine m : inv.machines().values()) {
            if (!leaving.contains(m.name())) {
                names(m.params(), machine).forEach(k -> out.add("machine " + m.name() + " (" + k + ")"));
            }
        }
        for (Profile p : inv.profiles().values()) {
            names(p.params(), machine).forEach(k -> out.add("profile " + p.name() + " (" + k + ")"));
        }
        return out;
    }

    private static List<String> names(Map<String, JsonNode> params, String machine) {
        List<String> keys = new ArrayList<>();
        for (String k : PARAMS) {
            JsonNode v = params.get(k);
            if (v != null && v.isTextual() && v.asText().trim().equals(machine)) {
                keys.add(k);
            }
        }
        return keys;
    }

    /** The params with every machine-naming value {@code from} replaced by {@code to}; null when none names it. */
    private static Map<String, JsonNode> renamed(Map<String, JsonNode> params, String from, String to) {
        if (names(params, from).isEmpty()) {
            return null;
        }
        Map<String, JsonNode> out = new LinkedHashMap<>(params);
        for (String k : names(params, from)) {
            out.put(k, TextNode.valueOf(to));
        }
        return out;
    }
}
