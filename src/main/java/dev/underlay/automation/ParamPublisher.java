package dev.underlay.automation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Cluster;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryChanges;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values a task produces on one host for the others (the kubernetes join token): set in the profile of the host's
 * cluster, through the inventory service, so the value is checked against its param's schema, sealed when secure,
 * written in one transaction ({@code Database.transaction}) and seen by every later render through the same
 * resolution. A cluster without a profile gets one, named after it.
 */
public final class ParamPublisher {
    private final InventoryService inventory;

    public ParamPublisher(InventoryService inventory) {
        this.inventory = inventory;
    }

    /**
     * Sets {@code name} to {@code value} in {@code cluster}'s profile.
     *
     * @throws IllegalArgumentException when there is no such cluster
     * @throws dev.underlay.inventory.InventoryValidationException when the param's schema refuses the value
     */
    public Inventory publish(String cluster, String name, JsonNode value) {
        synchronized (inventory) {
            Inventory inv = inventory.inventory();
            Cluster c = inv.clusters().get(cluster);
            if (c == null) {
                throw new IllegalArgumentException("cannot publish param " + name + ": no cluster named " + cluster);
            }
            InventoryChanges ch = new InventoryChanges();
            String profile = c.profile();
            if (profile == null || profile.isEmpty()) {
                profile = inv.profiles().containsKey(cluster) ? cluster + "-cluster" : cluster;
                ch.clusters.add(new Cluster(c.name(), c.kind(), c.description(), profile, c.members()));
            }
            Profile p = inv.profiles().get(profile);
            Map<String, JsonNode> params = new LinkedHashMap<>(p == null ? Map.of() : p.params());
            params.put(name, value);
            ch.profiles.add(new Profile(profile, p == null ? "values published by jobs on cluster " + cluster
                    : p.description(), p == null ? List.of() : p.includes(), params));
            return inventory.apply(ch);
        }
    }
}
