package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An immutable snapshot of the whole inventory, indexed by name. Changes make a new snapshot through
 * {@link #toBuilder()}; readers on other threads keep the snapshot they hold.
 */
public final class Inventory {
    private final Map<String, Site> sites;
    private final Map<String, Rack> racks;
    private final Map<String, Machine> machines;
    private final Map<String, Profile> profiles;
    private final Map<String, Cluster> clusters;
    private final Map<String, ParamDefinition> paramDefinitions;
    private final Map<String, Credential> credentials;
    private volatile Map<String, List<Machine>> byRack;
    private volatile Map<String, List<ClusterRole>> rolesByMachine;

    private Inventory(Builder b) {
        // sorted views: copying one into the next snapshot's TreeMap is then linear, not a put per machine
        sites = Collections.unmodifiableSortedMap(b.sites);
        racks = Collections.unmodifiableSortedMap(b.racks);
        machines = Collections.unmodifiableSortedMap(b.machines);
        profiles = Collections.unmodifiableSortedMap(b.profiles);
        clusters = Collections.unmodifiableSortedMap(b.clusters);
        paramDefinitions = Collections.unmodifiableSortedMap(b.paramDefinitions);
        credentials = Collections.unmodifiableSortedMap(b.credentials);
    }

    public static Inventory empty() {
        return new Builder().build();
    }

    /** Same entities with the same values (what a reload of a store gives back after a write). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Inventory i && sites.equals(i.sites) && racks.equals(i.racks)
                && machines.equals(i.machines) && profiles.equals(i.profiles) && clusters.equals(i.clusters)
                && paramDefinitions.equals(i.paramDefinitions) && credentials.equals(i.credentials);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sites.size(), racks.size(), machines.size(), profiles.size(), clusters.size());
    }

    /** "3 sites, 1 rack, 3 machines, ..." for test and log messages. */
    @Override
    public String toString() {
        return sites.size() + " sites, " + racks.size() + " racks, " + machines.size() + " machines, "
                + profiles.size() + " profiles, " + clusters.size() + " clusters, " + paramDefinitions.size()
                + " param definitions, " + credentials.size() + " credentials";
    }

    public Map<String, Site> sites() { return sites; }
    public Map<String, Rack> racks() { return racks; }
    /** Machines by name, in name order. */
    public Map<String, Machine> machines() { return machines; }
    public Map<String, Profile> profiles() { return profiles; }
    public Map<String, Cluster> clusters() { return clusters; }
    public Map<String, ParamDefinition> paramDefinitions() { return paramDefinitions; }
    public Map<String, Credential> credentials() { return credentials; }

    public Optional<Machine> machine(String name) {
        return Optional.ofNullable(machines.get(name));
    }

    /** Machines racked in the named rack, bottom U first. */
    public List<Machine> machinesInRack(String rack) {
        Map<String, List<Machine>> index = byRack;
        if (index == null) {
            index = new HashMap<>();
            for (Machine m : machines.values()) {
                if (!m.rack().isEmpty()) {
                    index.computeIfAbsent(m.rack(), k -> new ArrayList<>()).add(m);
                }
            }
            for (List<Machine> l : index.values()) {
                l.sort((x, y) -> Integer.compare(x.uPosition() == null ? 0 : x.uPosition(),
                        y.uPosition() == null ? 0 : y.uPosition()));
            }
            byRack = index;
        }
        return Collections.unmodifiableList(index.getOrDefault(rack, List.of()));
    }

    /** Every cluster role the machine holds, as (cluster name, role) pairs in cluster order. */
    public List<ClusterRole> clusterRoles(String machine) {
        Map<String, List<ClusterRole>> index = rolesByMachine;
        if (index == null) {
            index = new HashMap<>();
            for (Cluster c : clusters.values()) {
                for (ClusterMember cm : c.members()) {
                    index.computeIfAbsent(cm.machine(), k -> new ArrayList<>())
                            .add(new ClusterRole(c.name(), cm.role()));
                }
            }
            rolesByMachine = index;
        }
        return index.getOrDefault(machine, List.of());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects changes for a new snapshot. Maps are kept in name order. */
    public static final class Builder {
        private final TreeMap<String, Site> sites;
        private final TreeMap<String, Rack> racks;
        private final TreeMap<String, Machine> machines;
        private final TreeMap<String, Profile> profiles;
        private final TreeMap<String, Cluster> clusters;
        private final TreeMap<String, ParamDefinition> paramDefinitions;
        private final TreeMap<String, Credential> credentials;

        private Builder() {
            sites = new TreeMap<>();
            racks = new TreeMap<>();
            machines = new TreeMap<>();
            profiles = new TreeMap<>();
            clusters = new TreeMap<>();
            paramDefinitions = new TreeMap<>();
            credentials = new TreeMap<>();
        }

        private Builder(Inventory i) {
            sites = new TreeMap<>(i.sites);
            racks = new TreeMap<>(i.racks);
            machines = new TreeMap<>(i.machines);
            profiles = new TreeMap<>(i.profiles);
            clusters = new TreeMap<>(i.clusters);
            paramDefinitions = new TreeMap<>(i.paramDefinitions);
            credentials = new TreeMap<>(i.credentials);
        }

        public Builder site(Site s) { sites.put(s.name(), s); return this; }
        public Builder rack(Rack r) { racks.put(r.name(), r); return this; }
        public Builder machine(Machine m) { machines.put(m.name(), m); return this; }
        public Builder profile(Profile p) { profiles.put(p.name(), p); return this; }
        public Builder cluster(Cluster c) { clusters.put(c.name(), c); return this; }
        public Builder paramDefinition(ParamDefinition d) { paramDefinitions.put(d.name(), d); return this; }
        public Builder credential(Credential c) { credentials.put(c.name(), c); return this; }

        public Builder machines(Collection<Machine> ms) {
            for (Machine m : ms) {
                machines.put(m.name(), m);
            }
            return this;
        }

        /** Removes a machine and its cluster memberships (the database cascades them too). */
        public Builder removeMachine(String name) {
            if (machines.remove(name) != null) {
                for (Cluster c : List.copyOf(clusters.values())) {
                    if (c.members().stream().anyMatch(cm -> cm.machine().equals(name))) {
                        clusters.put(c.name(), new Cluster(c.name(), c.kind(), c.description(), c.profile(),
                                c.members().stream().filter(cm -> !cm.machine().equals(name)).toList()));
                    }
                }
            }
            return this;
        }
        public Builder removeSite(String name) { sites.remove(name); return this; }
        public Builder removeRack(String name) { racks.remove(name); return this; }
        public Builder removeProfile(String name) { profiles.remove(name); return this; }
        public Builder removeCluster(String name) { clusters.remove(name); return this; }
        public Builder removeParamDefinition(String name) { paramDefinitions.remove(name); return this; }
        public Builder removeCredential(String name) { credentials.remove(name); return this; }

        /** Renames a machine, keeping cluster memberships pointing at it. */
        public Builder renameMachine(String from, Machine renamed) {
            machines.remove(from);
            machines.put(renamed.name(), renamed);
            if (!from.equals(renamed.name())) {
                for (Cluster c : List.copyOf(clusters.values())) {
                    if (c.members().stream().anyMatch(cm -> cm.machine().equals(from))) {
                        clusters.put(c.name(), new Cluster(c.name(), c.kind(), c.description(), c.profile(),
                                c.members().stream()
                                        .map(cm -> cm.machine().equals(from)
                                                ? new ClusterMember(renamed.name(), cm.role()) : cm)
                                        .toList()));
                    }
                }
            }
            return this;
        }

        /** Current machine under construction, for rules that look across the builder. */
        public Map<String, Machine> machinesView() {
            return Collections.unmodifiableMap(machines);
        }

        public Inventory build() {
            if (!profiles.containsKey(Profile.GLOBAL)) {
                profiles.put(Profile.GLOBAL, new Profile(Profile.GLOBAL, "Consulted last, for every machine",
                        List.of(), Map.of()));
            }
            return new Inventory(this);
        }
    }

    /** Indexes a collection by a key, keeping order; a small helper for callers building lookups. */
    public static <T> Map<String, T> index(Collection<T> items, Function<T, String> key) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : items) {
            m.put(key.apply(t), t);
        }
        return m;
    }
}
