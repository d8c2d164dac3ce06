package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Whether changes worked out against one snapshot (an import's preview) still fit the current one: every entity
 * they add, replace or remove must be as it was in that snapshot, or the write would undo a change the user never
 * saw. Today one process holds a data folder, so the snapshots are the versions; team mode will carry a version
 * per row to the database as well (docs/decisions/0007).
 */
final class Staleness {
    private Staleness() {
    }

    static List<Violation> check(InventoryChanges ch, Inventory basis, Inventory current) {
        List<Violation> out = new ArrayList<>();
        if (basis == current) {
            return out;
        }
        each(out, "site", ch.sites, Site::name, basis.sites(), current.sites());
        each(out, "rack", ch.racks, Rack::name, basis.racks(), current.racks());
        each(out, "credential", ch.credentials, Credential::name, basis.credentials(), current.credentials());
        each(out, "param", ch.paramDefinitions, ParamDefinition::name, basis.paramDefinitions(),
                current.paramDefinitions());
        each(out, "profile", ch.profiles, Profile::name, basis.profiles(), current.profiles());
        each(out, "machine", ch.machines, Machine::name, basis.machines(), current.machines());
        each(out, "cluster", ch.clusters, Cluster::name, basis.clusters(), current.clusters());
        names(out, "machine", ch.removedMachines, basis.machines(), current.machines());
        names(out, "machine", List.copyOf(ch.machineRenames.keySet()), basis.machines(), current.machines());
        names(out, "cluster", ch.removedClusters, basis.clusters(), current.clusters());
        names(out, "profile", ch.removedProfiles, basis.profiles(), current.profiles());
        names(out, "rack", ch.removedRacks, basis.racks(), current.racks());
        names(out, "site", ch.removedSites, basis.sites(), current.sites());
        names(out, "credential", ch.removedCredentials, basis.credentials(), current.credentials());
        names(out, "param", ch.removedParamDefinitions, basis.paramDefinitions(), current.paramDefinitions());
        return out;
    }

    private static <T> void each(List<Violation> out, String kind, List<T> items, Function<T, String> name,
                                 Map<String, T> basis, Map<String, T> current) {
        names(out, kind, items.stream().map(name).toList(), basis, current);
    }

    private static <T> void names(List<Violation> out, String kind, List<String> names, Map<String, T> basis,
                                  Map<String, T> current) {
        for (String n : names) {
            T was = basis.get(n);
            T now = current.get(n);
            if (Objects.equals(was, now)) {
                continue;
            }
            String what = was == null ? "was added meanwhile"
                    : now == null ? "was deleted meanwhile"
                    : was instanceof Record a && now instanceof Record b
                            ? "was changed meanwhile (" + RecordDiff.describe(a, b) + ")" : "was changed meanwhile";
            out.add(new Violation(kind, n, "name", kind + " " + n + " " + what
                    + "; look at the preview again before writing"));
        }
    }
}
