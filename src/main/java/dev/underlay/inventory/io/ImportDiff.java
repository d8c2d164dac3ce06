package dev.underlay.inventory.io;

import java.util.List;

/**
 * What an import would change in one record that exists: each field with its stored and its new value, in words a
 * technician reads ({@code port 22 -> 2222}, {@code tag ceph removed}). The value of a secure param is never
 * shown, only that it is set, changed or removed.
 *
 * @param entity  {@code machine}, {@code rack}, {@code profile}, ...
 * @param changes the fields that differ, in the record's field order
 */
public record ImportDiff(String entity, String name, List<Change> changes) {
    public ImportDiff {
        changes = List.copyOf(changes);
    }

    /** What happens to one field, or to one item of a list or map field (a tag, a param, a member). */
    public enum Kind { CHANGED, ADDED, REMOVED }

    /**
     * One field that differs.
     *
     * @param field  {@code port}, {@code tag ceph}, {@code param bmc_address}, ...
     * @param before the stored value as shown; empty for an added item
     * @param after  the new value as shown; empty for a removed item
     */
    public record Change(String field, String before, String after, Kind kind) {
        /** {@code port: 22 -> 2222}, {@code param env: "prod" added}, {@code tag ceph removed}. */
        public String text() {
            return switch (kind) {
                case CHANGED -> field + ": " + before + " -> " + after;
                case ADDED -> field + (after.isEmpty() ? "" : " " + after) + " added";
                case REMOVED -> field + (before.isEmpty() ? "" : " " + before) + " removed";
            };
        }
    }

    /** {@code machine fra1-stor01}, as the plan's lists name records. */
    public String label() {
        return entity + " " + name;
    }

    /** The changes that take something away: a param, a tag, a profile, a member. */
    public List<Change> removals() {
        return changes.stream().filter(c -> c.kind() == Kind.REMOVED).toList();
    }

    /**
     * A sentence about what this record would lose, or empty: {@code machine fra1-stor01 would lose param
     * bmc_address and tag ceph}.
     */
    public String warning() {
        List<String> gone = removals().stream().map(Change::field).toList();
        if (gone.isEmpty()) {
            return "";
        }
        String list = gone.size() == 1 ? gone.get(0)
                : String.join(", ", gone.subList(0, gone.size() - 1)) + " and " + gone.get(gone.size() - 1);
        return label() + " would lose " + list;
    }
}
