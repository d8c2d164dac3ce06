package dev.underlay.inventory;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What differs between two versions of one inventory record, field by field, in words a technician reads:
 * {@code status ready -> maintenance}, {@code tags: ceph removed}, {@code param bmc_address removed}. Param values
 * are never shown (a secure one must not leak into a refusal), only which params were added, changed or removed.
 */
public final class RecordDiff {
    private RecordDiff() {
    }

    /** One field that differs. */
    public record Change(String field, String text) {
    }

    /** The fields of {@code after} that differ from {@code before} (records of the same type). */
    public static List<Change> changes(Record before, Record after) {
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException("cannot compare a " + before.getClass().getSimpleName() + " with a "
                    + after.getClass().getSimpleName());
        }
        List<Change> out = new ArrayList<>();
        for (RecordComponent rc : before.getClass().getRecordComponents()) {
            Object a = get(rc, before);
            Object b = get(rc, after);
            if (Objects.equals(a, b)) {
                continue;
            }
            String field = words(rc.getName());
            if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
                out.addAll(mapChanges(field, ma, mb));
            } else if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
                out.add(new Change(field, listChange(field, ca, cb)));
            } else {
                out.add(new Change(field, field + " " + shown(a) + " -> " + shown(b)));
            }
        }
        return out;
    }

    /** The changes as one clause: {@code "status ready -> maintenance, tags: ceph removed"}. */
    public static String describe(Record before, Record after) {
        return String.join(", ", changes(before, after).stream().map(Change::text).toList());
    }

    private static List<Change> mapChanges(String field, Map<?, ?> a, Map<?, ?> b) {
        String one = field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
        List<Change> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>();
        a.keySet().forEach(k -> keys.add(String.valueOf(k)));
        b.keySet().forEach(k -> keys.add(String.valueOf(k)));
        for (String k : keys) {
            Object va = a.get(k);
            Object vb = b.get(k);
            if (va == null) {
                out.add(new Change(field, one + " " + k + " added"));
            } else if (vb == null) {
                out.add(new Change(field, one + " " + k + " removed"));
            } else if (!va.equals(vb)) {
                out.add(new Change(field, one + " " + k + " changed"));
            }
        }
        return out;
    }

    private static String listChange(String field, Collection<?> a, Collection<?> b) {
        List<String> added = b.stream().filter(x -> !a.contains(x)).map(String::valueOf).toList();
        List<String> removed = a.stream().filter(x -> !b.contains(x)).map(String::valueOf).toList();
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add(String.join(", ", added) + " added");
        }
        if (!removed.isEmpty()) {
            parts.add(String.join(", ", removed) + " removed");
        }
        if (parts.isEmpty()) {
            parts.add("reordered");
        }
        return field + ": " + String.join("; ", parts);
    }

    private static Object get(RecordComponent rc, Record r) {
        try {
            return rc.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private static String shown(Object v) {
        if (v == null || "".equals(v)) {
            return "(none)";
        }
        return v instanceof Enum<?> e ? e.toString().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                : String.valueOf(v);
    }

    /** {@code uPosition} -> {@code "u position"}, {@code sshPort} -> {@code "ssh port"}. */
    private static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
