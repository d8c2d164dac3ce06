package dev.underlay.automation.jobs;

import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a job runs on, as the person gave it: a query in the inventory's search syntax, a cluster role
 * ({@code CLUSTER/ROLE}, or {@code CLUSTER} for every member), or an explicit list of machine names (the console's
 * selection, a rerun of the failed hosts). {@link #resolve} turns it into machines once, when the job starts; the
 * job keeps that list whatever the inventory does afterwards.
 */
public record JobTarget(Kind kind, String text) {
    /** The ways to name a target. */
    public enum Kind {
        QUERY, ROLE, HOSTS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    public JobTarget {
        text = text == null ? "" : text.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a job needs a target: a query, a cluster role or machine names");
        }
    }

    public static JobTarget query(String q) {
        return new JobTarget(Kind.QUERY, q);
    }

    public static JobTarget role(String clusterSlashRole) {
        return new JobTarget(Kind.ROLE, clusterSlashRole);
    }

    public static JobTarget hosts(List<String> names) {
        return new JobTarget(Kind.HOSTS, String.join(",", names));
    }

    /**
     * The machines, in name order for a query and a role, in the order given for a list.
     *
     * @throws IllegalArgumentException naming what matched nothing (an unknown cluster, role or machine)
     * @throws dev.underlay.inventory.QueryException for a query that does not parse
     */
    public List<Machine> resolve(Inventory inv) {
        return switch (kind) {
            case QUERY -> MachineQuery.parse(text).select(inv).stream()
                    .sorted(Comparator.comparing(Machine::name)).toList();
            case ROLE -> role(inv);
            case HOSTS -> hosts(inv);
        };
    }

    private List<Machine> role(Inventory inv) {
        int slash = text.indexOf('/');
        String clusterName = slash < 0 ? text : text.substring(0, slash);
        String role = slash < 0 ? "" : text.substring(slash + 1);
        Cluster c = inv.clusters().get(clusterName);
        if (c == null) {
            throw new IllegalArgumentException("no cluster is called " + clusterName + " (known: "
                    + String.join(", ", inv.clusters().keySet()) + ")");
        }
        List<Machine> out = new ArrayList<>();
        for (ClusterMember m : c.members()) {
            if (role.isEmpty() || m.role().equals(role)) {
                Machine machine = inv.machines().get(m.machine());
                if (machine != null) {
                    out.add(machine);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("cluster " + clusterName + " has no member with role " + role);
        }
        out.sort(Comparator.comparing(Machine::name));
        return out;
    }

    private List<Machine> hosts(Inventory inv) {
        Set<String> names = new LinkedHashSet<>(Arrays.asList(text.split("\\s*,\\s*")));
        List<Machine> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String n : names) {
            Machine m = inv.machines().get(n);
            if (m == null) {
                missing.add(n);
            } else {
                out.add(m);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException((missing.size() == 1 ? "machine " : "machines ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " not in the inventory");
        }
        return out;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case QUERY -> text;
            case ROLE -> "role " + text;
            case HOSTS -> "hosts " + text;
        };
    }
}
