package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.SecureParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Joins the records a file states with the stored ones of the same name, as the {@link ImportMode} says. In both
 * modes a machine field a JSON file leaves out keeps its stored value (as a CSV column left out does). Secure params
 * are left to {@link StoredSecrets}, which keeps their sealed values.
 */
final class ImportMerge {
    private final ImportMode mode;
    private final Inventory current;

    ImportMerge(ImportMode mode, Inventory current) {
        this.mode = mode;
        this.current = current;
    }

    /** Rewrites the file's machines, profiles and clusters in {@code src} in place. */
    void apply(ImportSource src) {
        src.entities.machines.replaceAll(m -> machine(m, src.stated.get("machine " + m.name())));
        if (mode == ImportMode.MERGE) {
            src.entities.profiles.replaceAll(this::profile);
            src.entities.clusters.replaceAll(this::cluster);
        }
    }

    private Machine machine(Machine m, Set<String> stated) {
        Machine old = current.machines().get(m.name());
        if (old == null) {
            return m;
        }
        Machine.Builder b = m.toBuilder();
        if (stated != null) {
            keepUnstated(b, old, stated);
        }
        Machine in = b.build();
        if (mode == ImportMode.REPLACE) {
            return in;
        }
        return in.toBuilder().params(params(in.params(), old.params())).tags(union(old.tags(), in.tags()))
                .profiles(union(old.profiles(), in.profiles())).build();
    }

    private static void keepUnstated(Machine.Builder b, Machine old, Set<String> stated) {
        for (String f : List.of("kind", "status", "site", "rack", "u", "height", "face", "address", "port", "user",
                "credential", "tags", "profiles", "provider", "region", "instanceId", "params")) {
            if (stated.contains(f)) {
                continue;
            }
            switch (f) {
                case "kind" -> b.kind(old.kind());
                case "status" -> b.status(old.status());
                case "site" -> b.site(old.site());
                case "rack" -> b.rack(old.rack());
                case "u" -> b.uPosition(old.uPosition());
                case "height" -> b.uHeight(old.uHeight());
                case "face" -> b.face(old.face());
                case "address" -> b.address(old.address());
                case "port" -> b.sshPort(old.sshPort());
                case "user" -> b.sshUser(old.sshUser());
                case "credential" -> b.credential(old.credential());
                case "tags" -> b.tags(old.tags());
                case "profiles" -> b.profiles(old.profiles());
                case "provider" -> b.cloudProvider(old.cloudProvider());
                case "region" -> b.cloudRegion(old.cloudRegion());
                case "instanceId" -> b.instanceId(old.instanceId());
                default -> b.params(old.params());
            }
        }
    }

    private Profile profile(Profile p) {
        Profile old = current.profiles().get(p.name());
        return old == null ? p : new Profile(p.name(), p.description(), union(old.includes(), p.includes()),
                params(p.params(), old.params()));
    }

    private Cluster cluster(Cluster c) {
        Cluster old = current.clusters().get(c.name());
        if (old == null) {
            return c;
        }
        List<ClusterMember> members = new ArrayList<>(c.members());
        Set<String> named = new LinkedHashSet<>();
        c.members().forEach(cm -> named.add(cm.machine()));
        old.members().stream().filter(cm -> !named.contains(cm.machine())).forEach(members::add);
        return new Cluster(c.name(), c.kind(), c.description(), c.profile(), members);
    }

    /** The file's params, then the stored ones it does not name (secure ones are {@link StoredSecrets}' job). */
    private Map<String, JsonNode> params(Map<String, JsonNode> in, Map<String, JsonNode> stored) {
        Map<String, JsonNode> out = null;
        for (Map.Entry<String, JsonNode> e : stored.entrySet()) {
            if (!in.containsKey(e.getKey()) && !SecureParams.isSecure(current, e.getKey())) {
                out = out == null ? new LinkedHashMap<>(in) : out;
                out.put(e.getKey(), e.getValue());
            }
        }
        return out == null ? in : out;
    }

    /** The stored items in their order (a profile's is its precedence), then the file's new ones. */
    private static List<String> union(List<String> first, List<String> then) {
        if (first.containsAll(then)) {
            return first;
        }
        Set<String> out = new LinkedHashSet<>(first);
        out.addAll(then);
        return List.copyOf(out);
    }
}
