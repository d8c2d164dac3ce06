package dev.underlay.automation.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.ResolvedParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a job's machines into rolling waves. Without a wave size, one wave of every machine. With {@code by}
 * (rack, or a param), machines are grouped by that failure domain, domains in the order their first machine
 * appears, and a wave never mixes two domains (one rack at a time): each domain is a wave, or several when it is
 * bigger than the wave size. Machines without a value form their own domain ("(none)").
 */
public final class Waves {
    public static final String RACK = "rack";

    private Waves() {
    }

    public static List<List<Machine>> plan(List<Machine> machines, JobOptions options, Inventory inv) {
        if (machines.isEmpty()) {
            return List.of();
        }
        if (options.wave() == null && options.waveBy().isEmpty()) {
            return List.of(List.copyOf(machines));
        }
        int size = options.wave() == null ? Integer.MAX_VALUE : options.wave().hosts(machines.size());
        Map<String, List<Machine>> domains = new LinkedHashMap<>();
        for (Machine m : machines) {
            domains.computeIfAbsent(domain(m, options.waveBy(), inv), d -> new ArrayList<>()).add(m);
        }
        List<List<Machine>> waves = new ArrayList<>();
        for (List<Machine> d : domains.values()) {
            for (int i = 0; i < d.size(); i += size) {
                waves.add(List.copyOf(d.subList(i, (int) Math.min(d.size(), (long) i + size))));
            }
        }
        return List.copyOf(waves);
    }

    /** The failure domain of a machine: its rack, or its resolved value of the param. */
    static String domain(Machine m, String by, Inventory inv) {
        if (by.isEmpty()) {
            return "";
        }
        if (by.equals(RACK)) {
            return m.rack().isEmpty() ? "(none)" : m.rack();
        }
        ResolvedParam p = ParamResolver.resolve(inv, m).get(by);
        JsonNode v = p == null ? null : p.value();
        return v == null || v.isNull() ? "(none)" : v.isTextual() ? v.asText() : v.toString();
    }
}
