package dev.underlay.topology;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineReferences;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.Rack;
import dev.underlay.inventory.Site;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the topology of an inventory snapshot: each site with its racks (in floor order) and their machines, a
 * site's machines without a rack under the site, cloud instances without a site under their provider's region;
 * each cluster with one group per role and the members under it; and an edge from each bastion to the machines
 * whose {@code ssh_bastion} resolves to it (on the machine or through its profiles, as SSH resolves it). Pure and
 * deterministic: the same inventory gives an equal graph. Runs off the FX thread (5,000 machines: a few ms).
 */
public final class TopologyBuilder {
    private final List<TopologyNode> nodes = new ArrayList<>();
    private final List<TopologyEdge> edges = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    private TopologyBuilder() {
    }

    public static TopologyGraph build(Inventory inv) {
        return new TopologyBuilder().add(inv);
    }

    private TopologyGraph add(Inventory inv) {
        Map<String, List<Machine>> byRack = new HashMap<>();
        Map<String, List<Machine>> bySite = new HashMap<>();
        Map<String, List<Machine>> byRegion = new TreeMap<>();
        for (Machine m : sorted(inv.machines().values())) {
            if (!m.rack().isEmpty() && inv.racks().containsKey(m.rack())) {
                byRack.computeIfAbsent(m.rack(), k -> new ArrayList<>()).add(m);
            } else if (!m.site().isEmpty() && inv.sites().containsKey(m.site())) {
                bySite.computeIfAbsent(m.site(), k -> new ArrayList<>()).add(m);
            } else if (!m.cloudProvider().isEmpty()) {
                String region = m.cloudProvider() + (m.cloudRegion().isEmpty() ? "" : " " + m.cloudRegion());
                byRegion.computeIfAbsent(region, k -> new ArrayList<>()).add(m);
            } else {
                machine(m);
            }
        }
        Map<String, List<Rack>> racksOf = new HashMap<>();
        inv.racks().values().stream()
                .sorted(Comparator.comparing(Rack::row).thenComparingInt(Rack::position).thenComparing(Rack::name))
                .forEach(r -> racksOf.computeIfAbsent(r.site(), k -> new ArrayList<>()).add(r));
        List<Site> sites = new ArrayList<>(inv.sites().values());
        sites.sort(Comparator.comparing(Site::name));
        for (Site s : sites) {
            int site = node("site:" + s.name(), NodeKind.SITE, s.name(), null);
            for (Rack r : racksOf.getOrDefault(s.name(), List.of())) {
                int rack = node("rack:" + r.name(), NodeKind.RACK, r.name(), null);
                edge(site, rack, EdgeKind.CONTAINS);
                for (Machine m : byRack.getOrDefault(r.name(), List.of())) {
                    edge(rack, machine(m), EdgeKind.CONTAINS);
                }
            }
            for (Machine m : bySite.getOrDefault(s.name(), List.of())) {
                edge(site, machine(m), EdgeKind.CONTAINS);
            }
        }
        byRegion.forEach((region, ms) -> {
            int r = node("region:" + region, NodeKind.SITE, region, null);
            for (Machine m : ms) {
                edge(r, machine(m), EdgeKind.CONTAINS);
            }
        });
        List<Cluster> clusters = new ArrayList<>(inv.clusters().values());
        clusters.sort(Comparator.comparing(Cluster::name));
        for (Cluster c : clusters) {
            int cluster = node("cluster:" + c.name(), NodeKind.CLUSTER, c.name(), null);
            Map<String, List<String>> roles = new LinkedHashMap<>();
            c.members().stream().sorted(Comparator.comparing(ClusterMember::role).thenComparing(ClusterMember::machine))
                    .forEach(mem -> roles.computeIfAbsent(mem.role(), k -> new ArrayList<>()).add(mem.machine()));
            roles.forEach((role, members) -> {
                int group = node("role:" + c.name() + "/" + role, NodeKind.ROLE_GROUP, role, null);
                edge(cluster, group, EdgeKind.MEMBER);
                for (String name : members) {
                    Integer m = index.get("machine:" + name);
                    if (m != null) {
                        edge(group, m, EdgeKind.MEMBER);
                    }
                }
            });
        }
        for (Machine m : sorted(inv.machines().values())) {
            JsonNode b = ParamResolver.value(inv, m, MachineReferences.BASTION);
            if (b != null && b.isTextual() && !b.asText().equals(m.name())) {
                Integer bastion = index.get("machine:" + b.asText());
                if (bastion != null) {
                    edge(bastion, index.get("machine:" + m.name()), EdgeKind.JUMP);
                }
            }
        }
        return new TopologyGraph(nodes, edges);
    }

    private static List<Machine> sorted(java.util.Collection<Machine> ms) {
        List<Machine> out = new ArrayList<>(ms);
        out.sort(Comparator.comparing(Machine::name));
        return out;
    }

    private int machine(Machine m) {
        return node("machine:" + m.name(), NodeKind.MACHINE, m.name(), m.name());
    }

    private int node(String id, NodeKind kind, String label, String machine) {
        Integer at = index.get(id);
        if (at != null) {
            return at;
        }
        nodes.add(new TopologyNode(id, kind, label, machine));
        index.put(id, nodes.size() - 1);
        return nodes.size() - 1;
    }

    private void edge(int from, int to, EdgeKind kind) {
        edges.add(new TopologyEdge(from, to, kind));
    }
}
