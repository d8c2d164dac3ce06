package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Create, edit and delete of everything but machines: sites, racks, credentials (with their secrets), param
 * definitions, profiles and clusters. Each write goes through {@link InventoryService#apply}, so every rule is
 * checked over the whole result; an edit is refused, naming what changed, when the stored record is no longer the
 * one the caller read, and a delete is refused while something still refers to the record. Synchronous and
 * toolkit-free: callers put it on a worker thread.
 */
public final class CatalogService {
    private final InventoryService inventory;
    private final CredentialSecrets secrets;

    /** @param secrets where credential secrets go; null when none is open (a secret is then refused) */
    public CatalogService(InventoryService inventory, CredentialSecrets secrets) {
        this.inventory = inventory;
        this.secrets = secrets;
    }

    /** The snapshot writes are checked against. */
    public Inventory inventory() {
        return inventory.inventory();
    }

    /**
     * Creates ({@code read} null) or replaces a site, rack, credential, param definition, profile or cluster.
     * Records are not renamed here: the name identifies what was read.
     */
    public synchronized Inventory save(Object read, Object value) {
        Kind k = Kind.of(value);
        String name = k.name.apply(value);
        Inventory now = inventory.inventory();
        Object stored = k.map.apply(now).get(name);
        if (read == null && stored != null) {
            throw refusal(k, name, "name", "a " + k.entity + " named " + name + " already exists");
        }
        if (read != null) {
            String readName = k.name.apply(read);
            if (!readName.equals(name)) {
                throw refusal(k, readName, "name", k.entity + " " + readName + " cannot be renamed here; create "
                        + name + " and move what uses " + readName + " to it");
            }
            if (stored == null) {
                throw refusal(k, name, "name", k.entity + " " + name + " no longer exists (deleted meanwhile?)");
            }
            if (!stored.equals(read)) {
                throw refusal(k, name, "name", k.entity + " " + name + " was changed since it was read ("
                        + RecordDiff.describe((Record) read, (Record) stored)
                        + "); reload it and make the change again");
            }
        }
        InventoryChanges ch = new InventoryChanges();
        k.add(ch, value);
        return inventory.apply(ch);
    }

    /**
     * Saves a credential and, when {@code secret} is given, stores it (encrypted) as the credential's password or
     * key passphrase, replacing any stored one. The array is cleared.
     */
    public synchronized Inventory saveCredential(Credential read, Credential value, char[] secret) {
        try {
            if (secret != null && secret.length > 0 && secrets == null) {
                throw refusal(Kind.CREDENTIAL, value.name(), "secret", "no secret store is open to keep the secret "
                        + "of credential " + value.name() + " encrypted; nothing was written");
            }
            Inventory after = save(read, value);
            if (secret != null && secret.length > 0) {
                secrets.put(value.name(), secret);
            }
            return after;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** True when a secret is stored for the credential (it is never read back for display). */
    public boolean hasSecret(String credential) {
        return secrets != null && secrets.credentialsWithSecrets().contains(credential);
    }

    /** Deletes a record of the given entity ({@code site}, {@code rack}, ...) when nothing refers to it any more. */
    public synchronized Inventory delete(String entity, String name) {
        Kind k = Kind.named(entity);
        Inventory now = inventory.inventory();
        if (!k.map.apply(now).containsKey(name)) {
            throw refusal(k, name, "name", k.entity + " " + name + " no longer exists (deleted meanwhile?)");
        }
        List<String> users = References.to(now, k.entity, name);
        if (!users.isEmpty()) {
            throw refusal(k, name, "name", k.entity + " " + name + " cannot be deleted while "
                    + References.describe(users) + (users.size() == 1 ? " uses" : " use") + " it; "
                    + k.moveAdvice);
        }
        InventoryChanges ch = new InventoryChanges();
        switch (k) {
            case SITE -> ch.removedSites.add(name);
            case RACK -> ch.removedRacks.add(name);
            case CREDENTIAL -> ch.removedCredentials.add(name);
            case PARAM -> ch.removedParamDefinitions.add(name);
            case PROFILE -> ch.removedProfiles.add(name);
            case CLUSTER -> ch.removedClusters.add(name);
        }
        Inventory after = inventory.apply(ch);
        if (k == Kind.CREDENTIAL && secrets != null) {
            secrets.remove(name);
        }
        return after;
    }

    private static InventoryValidationException refusal(Kind k, String name, String field, String message) {
        return new InventoryValidationException(List.of(new Violation(k.entity, name, field, message)));
    }

    /** The entities edited here, with how to find one in a snapshot. */
    private enum Kind {
        SITE("site", Site.class, o -> ((Site) o).name(), Inventory::sites,
                "move or delete those first"),
        RACK("rack", Rack.class, o -> ((Rack) o).name(), Inventory::racks, "move those machines out first"),
        CREDENTIAL("credential", Credential.class, o -> ((Credential) o).name(), Inventory::credentials,
                "give those machines another credential first"),
        PARAM("param", ParamDefinition.class, o -> ((ParamDefinition) o).name(), Inventory::paramDefinitions,
                "remove those values first"),
        PROFILE("profile", Profile.class, o -> ((Profile) o).name(), Inventory::profiles,
                "take the profile off those first"),
        CLUSTER("cluster", Cluster.class, o -> ((Cluster) o).name(), Inventory::clusters, "");

        final String entity;
        final Class<?> type;
        final Function<Object, String> name;
        final Function<Inventory, Map<String, ?>> map;
        final String moveAdvice;

        Kind(String entity, Class<?> type, Function<Object, String> name, Function<Inventory, Map<String, ?>> map,
             String moveAdvice) {
            this.entity = entity;
            this.type = type;
            this.name = name;
            this.map = map;
            this.moveAdvice = moveAdvice;
        }

        static Kind of(Object value) {
            Objects.requireNonNull(value, "value");
            for (Kind k : values()) {
                if (k.type.isInstance(value)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("not a catalog record: " + value.getClass().getSimpleName());
        }

        static Kind named(String entity) {
            for (Kind k : values()) {
                if (k.entity.equals(entity)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown entity " + entity);
        }

        void add(InventoryChanges ch, Object v) {
            switch (this) {
                case SITE -> ch.sites.add((Site) v);
                case RACK -> ch.racks.add((Rack) v);
                case CREDENTIAL -> ch.credentials.add((Credential) v);
                case PARAM -> ch.paramDefinitions.add((ParamDefinition) v);
                case PROFILE -> ch.profiles.add((Profile) v);
                case CLUSTER -> ch.clusters.add((Cluster) v);
            }
        }
    }

    /** Who refers to a record, as "machine a", "rack b" phrases. */
    static final class References {
        private static final int SHOWN = 5;

        private References() {
        }

        static List<String> to(Inventory inv, String entity, String name) {
            List<String> out = new ArrayList<>();
            switch (entity) {
                case "site" -> {
                    inv.racks().values().stream().filter(r -> r.site().equals(name))
                            .forEach(r -> out.add("rack " + r.name()));
                    inv.machines().values().stream().filter(m -> m.site().equals(name))
                            .forEach(m -> out.add("machine " + m.name()));
                }
                case "rack" -> inv.machines().values().stream().filter(m -> m.rack().equals(name))
                        .forEach(m -> out.add("machine " + m.name()));
                case "credential" -> inv.machines().values().stream().filter(m -> m.credential().equals(name))
                        .forEach(m -> out.add("machine " + m.name()));
                case "param" -> {
                    inv.profiles().values().stream().filter(p -> p.params().containsKey(name))
                            .forEach(p -> out.add("profile " + p.name()));
                    inv.machines().values().stream().filter(m -> m.params().containsKey(name))
                            .forEach(m -> out.add("machine " + m.name()));
                }
                case "profile" -> {
                    if (name.equals(Profile.GLOBAL)) {
                        out.add("every machine");
                    }
                    inv.profiles().values().stream().filter(p -> p.includes().contains(name))
                            .forEach(p -> out.add("profile " + p.name()));
                    inv.clusters().values().stream().filter(c -> name.equals(c.profile()))
                            .forEach(c -> out.add("cluster " + c.name()));
                    inv.machines().values().stream().filter(m -> m.profiles().contains(name))
                            .forEach(m -> out.add("machine " + m.name()));
                }
                default -> {
                }
            }
            return out;
        }

        static String describe(List<String> users) {
            String shown = String.join(", ", users.subList(0, Math.min(SHOWN, users.size())));
            return users.size() > SHOWN ? shown + " and " + (users.size() - SHOWN) + " more" : shown;
        }
    }
}
