package dev.underlay.automation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.ClusterRole;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.Profile;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values a task produces on one host for the others (the kubernetes join token): set in the profile of the host's
 * cluster, through the inventory service, so the value is checked against its param's schema, sealed when secure,
 * written in one transaction ({@code Database.transaction}) and seen by every later render through the same
 * resolution. A cluster without a profile gets one, named after it. A host in no cluster publishes into its job's
 * own profile ({@link #jobProfile}), which only that job's later steps resolve (decision 0021).
 */
public final class ParamPublisher {
    /** A param that names the cluster a host publishes to, when it is a member of several. */
    public static final String PUBLISH_CLUSTER = "publish_cluster";

    /** Made on first use: an ObjectMapper's set-up would cost every CLI command's start (decision 0036). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private final InventoryService inventory;

    public ParamPublisher(InventoryService inventory) {
        this.inventory = inventory;
    }

    /** The profile that holds what the hosts of job {@code job} in no cluster published. */
    public static String jobProfile(long job) {
        return "job-" + job + "-published";
    }

    /**
     * Sets {@code name} to {@code value} in {@code cluster}'s profile.
     *
     * @throws IllegalArgumentException when there is no such cluster
     * @throws dev.underlay.inventory.InventoryValidationException when the param's schema refuses the value
     */
    public Inventory publish(String cluster, String name, JsonNode value) {
        return publish(cluster, Map.of(name, value));
    }

    /** Sets every value of {@code values} in {@code cluster}'s profile, in one change. */
    public Inventory publish(String cluster, Map<String, JsonNode> values) {
        synchronized (inventory) {
            Inventory inv = inventory.inventory();
            Cluster c = inv.clusters().get(cluster);
            if (c == null) {
                throw new IllegalArgumentException("cannot publish param " + String.join(", ", values.keySet())
                        + ": no cluster named " + cluster);
            }
            InventoryChanges ch = new InventoryChanges().basedOn(inv);
            String profile = c.profile();
            if (profile == null || profile.isEmpty()) {
                profile = inv.profiles().containsKey(cluster) ? cluster + "-cluster" : cluster;
                ch.clusters.add(new Cluster(c.name(), c.kind(), c.description(), profile, c.members()));
            }
            put(ch, inv, profile, "values published by jobs on cluster " + cluster, values);
            return inventory.apply(ch);
        }
    }

    /**
     * What {@code machine} published in job {@code job}: each text turned into its param's type (JSON when the
     * definition's schema is not a string's), then stored in the profile of the host's cluster (the one
     * {@value #PUBLISH_CLUSTER} names when it is in several), or in the job's profile when it is in none.
     *
     * @return where the values went, e.g. {@code cluster k8s (profile k8s-prof)}
     * @throws IllegalArgumentException naming the host and its clusters when the cluster is ambiguous
     * @throws dev.underlay.inventory.InventoryValidationException when a param's schema refuses a value
     */
    public String publishFrom(long job, Machine machine, Map<String, String> texts) {
        synchronized (inventory) {
            Inventory inv = inventory.inventory();
            Machine now = inv.machines().getOrDefault(machine.name(), machine);
            Map<String, JsonNode> values = new LinkedHashMap<>();
            texts.forEach((k, v) -> values.put(k, typed(inv.paramDefinitions().get(k), v)));
            String cluster = cluster(inv, now, values.keySet());
            if (cluster != null) {
                publish(cluster, values);
                Cluster c = inventory.inventory().clusters().get(cluster);
                return "cluster " + cluster + " (profile " + c.profile() + ")";
            }
            String profile = jobProfile(job);
            InventoryChanges ch = new InventoryChanges().basedOn(inv);
            put(ch, inv, profile, "values published by job " + job + " on hosts in no cluster", values);
            inventory.apply(ch);
            return "job " + job + " (profile " + profile + ")";
        }
    }

    private static String cluster(Inventory inv, Machine m, Set<String> names) {
        Set<String> clusters = new LinkedHashSet<>();
        for (ClusterRole r : inv.clusterRoles(m.name())) {
            clusters.add(r.cluster());
        }
        if (clusters.size() <= 1) {
            return clusters.isEmpty() ? null : clusters.iterator().next();
        }
        JsonNode named = ParamResolver.value(inv, m, PUBLISH_CLUSTER);
        if (named != null && clusters.contains(named.asText())) {
            return named.asText();
        }
        throw new IllegalArgumentException(m.name() + " published " + String.join(", ", names) + " but is a member "
                + "of clusters " + String.join(", ", clusters) + ": set param " + PUBLISH_CLUSTER + " on it (or a "
                + "profile of it) to the one that should receive them");
    }

    private static void put(InventoryChanges ch, Inventory inv, String profile, String description,
                            Map<String, JsonNode> values) {
        Profile p = inv.profiles().get(profile);
        Map<String, JsonNode> params = new LinkedHashMap<>(p == null ? Map.of() : p.params());
        params.putAll(values);
        ch.profiles.add(new Profile(profile, p == null ? description : p.description(),
                p == null ? List.of() : p.includes(), params));
    }

    /** The text as its definition types it: a string unless the schema says another type and the text is JSON. */
    static JsonNode typed(ParamDefinition d, String text) {
        JsonNode type = d == null || d.schema() == null ? null : d.schema().get("type");
        if (type == null || "string".equals(type.asText())) {
            return TextNode.valueOf(text);
        }
        try {
            return Mapper.JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text); // the schema check then refuses it, naming the param and the rule
        }
    }
}
