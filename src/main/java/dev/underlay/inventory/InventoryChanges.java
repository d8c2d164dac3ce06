package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one write changes: entities to add or replace (by name), names to remove, machine renames. Written by the
 * store in one transaction; the service computes it and checks it against the rules first.
 */
public final class InventoryChanges {
    public final List<Site> sites = new ArrayList<>();
    public final List<Rack> racks = new ArrayList<>();
    public final List<Credential> credentials = new ArrayList<>();
    public final List<ParamDefinition> paramDefinitions = new ArrayList<>();
    public final List<Profile> profiles = new ArrayList<>();
    public final List<Machine> machines = new ArrayList<>();
    public final List<Cluster> clusters = new ArrayList<>();
    /** Old name to new name; the machine row is renamed before {@link #machines} are written. */
    public final Map<String, String> machineRenames = new LinkedHashMap<>();
    public final List<String> removedMachines = new ArrayList<>();
    public final List<String> removedClusters = new ArrayList<>();
    public final List<String> removedProfiles = new ArrayList<>();
    public final List<String> removedRacks = new ArrayList<>();
    public final List<String> removedSites = new ArrayList<>();
    public final List<String> removedCredentials = new ArrayList<>();
    public final List<String> removedParamDefinitions = new ArrayList<>();
    /**
     * Secure values to store (new, changed, or carried to a renamed machine). Filled by {@link InventoryService}
     * when it seals the plaintext that writers put in the entities above; callers leave it alone.
     */
    public final List<SealedParam> sealedParams = new ArrayList<>();
    private Inventory basis;
    /** The last rule check these changes passed ({@link InventoryService#preview}), or null. */
    CheckedPreview checked;

    /**
     * Says which snapshot these changes were worked out against (an import's preview): the service then refuses
     * them if anything they touch changed since ({@link InventoryService#apply(InventoryChanges)}).
     */
    public InventoryChanges basedOn(Inventory snapshot) {
        this.basis = snapshot;
        return this;
    }

    /** The snapshot these changes were worked out against, or null when they apply to whatever is current. */
    public Inventory basis() {
        return basis;
    }

    public boolean isEmpty() {
        return sites.isEmpty() && racks.isEmpty() && credentials.isEmpty() && paramDefinitions.isEmpty()
                && profiles.isEmpty() && machines.isEmpty() && clusters.isEmpty() && machineRenames.isEmpty()
                && removedMachines.isEmpty() && removedClusters.isEmpty() && removedProfiles.isEmpty()
                && removedRacks.isEmpty() && removedSites.isEmpty() && removedCredentials.isEmpty()
                && removedParamDefinitions.isEmpty() && sealedParams.isEmpty();
    }

    /** Every list and map above, element by element, as they are now: what a rule check saw. */
    Object[][] contents() {
        return new Object[][] {sites.toArray(), racks.toArray(), credentials.toArray(), paramDefinitions.toArray(),
            profiles.toArray(), machines.toArray(), clusters.toArray(), machineRenames.keySet().toArray(),
            machineRenames.values().toArray(), removedMachines.toArray(), removedClusters.toArray(),
            removedProfiles.toArray(), removedRacks.toArray(), removedSites.toArray(), removedCredentials.toArray(),
            removedParamDefinitions.toArray()};
    }

    /** Applies these changes to a snapshot, giving the candidate that the rules check. */
    public Inventory applyTo(Inventory before) {
        Inventory.Builder b = before.toBuilder();
        removedClusters.forEach(b::removeCluster);
        removedMachines.forEach(b::removeMachine);
        machineRenames.forEach((from, to) -> {
            Machine m = before.machines().get(from);
            if (m != null) {
                b.renameMachine(from, m.toBuilder().name(to).build());
            }
        });
        removedProfiles.forEach(b::removeProfile);
        removedRacks.forEach(b::removeRack);
        removedSites.forEach(b::removeSite);
        removedCredentials.forEach(b::removeCredential);
        removedParamDefinitions.forEach(b::removeParamDefinition);
        sites.forEach(b::site);
        racks.forEach(b::rack);
        credentials.forEach(b::credential);
        paramDefinitions.forEach(b::paramDefinition);
        profiles.forEach(b::profile);
        machines.forEach(b::machine);
        clusters.forEach(b::cluster);
        return b.build();
    }
}
