package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a query names that the inventory does not have ({@code no rack is named r1; racks are fra1-r01, ...}),
 * and the values a field can never take ({@code status:faild}), so that a query matching nothing says why.
 */
final class QueryNotes {
    /** Names of existing things listed in a note; the rest are counted. */
    private static final int LISTED = 5;

    private QueryNotes() {
    }

    /** Refuses an exact value that a field with fixed values cannot have; globs are left alone. */
    static void checkFixed(String field, List<String> values, String original) {
        List<String> allowed = switch (field) {
            case "status" -> java.util.Arrays.stream(MachineStatus.values()).map(MachineStatus::id).toList();
            case "kind" -> java.util.Arrays.stream(MachineKind.values()).map(MachineKind::id).toList();
            case "face" -> java.util.Arrays.stream(Face.values()).map(Face::id).toList();
            default -> List.of();
        };
        if (allowed.isEmpty()) {
            return;
        }
        for (String v : values) {
            if (!QueryMatcher.isGlob(v) && !allowed.contains(v.toLowerCase(Locale.ROOT))) {
                throw new QueryException("'" + v + "' in '" + original + "' is not a " + field + "; " + field
                        + " is one of " + String.join(", ", allowed));
            }
        }
    }

    /** A check for a term on {@code field} with these values, or null when the field refers to nothing. */
    static Function<Inventory, String> check(String field, List<String> values) {
        List<String> exact = values.stream().filter(v -> !QueryMatcher.isGlob(v)).toList();
        if (exact.isEmpty()) {
            return null;
        }
        return switch (field) {
            case "name" -> inv -> missingNames(exact, inv.machines().keySet());
            case "rack" -> inv -> missing("rack", exact, inv.racks().keySet());
            case "site" -> inv -> missing("site", exact, inv.sites().keySet());
            case "profile" -> inv -> missing("profile", exact, inv.profiles().keySet());
            case "cluster" -> inv -> missing("cluster", exact, inv.clusters().keySet());
            case "credential" -> inv -> missing("credential", exact, inv.credentials().keySet());
            case "tag" -> inv -> missing("tag", exact, tags(inv));
            default -> null;
        };
    }

    private static String missingNames(List<String> names, Collection<String> existing) {
        Set<String> have = lower(existing);
        List<String> missing = names.stream().filter(n -> !have.contains(n.toLowerCase(Locale.ROOT))).toList();
        if (missing.isEmpty()) {
            return null;
        }
        return (missing.size() == 1 ? "no machine is named " : "no machines are named ") + NodeSet.fold(missing);
    }

    private static String missing(String what, List<String> values, Collection<String> existing) {
        Set<String> have = lower(existing);
        List<String> missing = values.stream().filter(n -> !have.contains(n.toLowerCase(Locale.ROOT))).toList();
        if (missing.isEmpty()) {
            return null;
        }
        String plural = what + "s";
        String names = NodeSet.fold(missing);
        StringBuilder b = new StringBuilder(what.equals("tag")
                ? "no machine has the " + (missing.size() == 1 ? "tag " : "tags ") + names
                : missing.size() == 1 ? "no " + what + " is named " + names : "no " + plural + " are named " + names);
        if (existing.isEmpty()) {
            return b.append(" (there are no ").append(plural).append(")").toString();
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(existing));
        b.append("; ").append(plural).append(" are ")
                .append(String.join(", ", sorted.subList(0, Math.min(LISTED, sorted.size()))));
        if (sorted.size() > LISTED) {
            b.append(" and ").append(sorted.size() - LISTED).append(" more");
        }
        return b.toString();
    }

    private static Set<String> tags(Inventory inv) {
        Set<String> out = new TreeSet<>();
        for (Machine m : inv.machines().values()) {
            out.addAll(m.tags());
        }
        return out;
    }

    private static Set<String> lower(Collection<String> names) {
        Set<String> out = new java.util.HashSet<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
