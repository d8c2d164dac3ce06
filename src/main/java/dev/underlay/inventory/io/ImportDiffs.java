package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.ClusterMember;
import dev.underlay.inventory.ResolvedParam;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/** Works out an {@link ImportDiff} between a stored record and the one an import would write. */
final class ImportDiffs {
    /** Record components under the names the files use (CSV columns, JSON keys). */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(Map.entry("uPosition", "u"),
            Map.entry("uHeight", "height"), Map.entry("heightU", "height"), Map.entry("sshPort", "port"),
            Map.entry("sshUser", "user"), Map.entry("cloudProvider", "provider"), Map.entry("cloudRegion", "region"),
            Map.entry("instanceId", "instance id"), Map.entry("keyFile", "key file"),
            Map.entry("defaultValue", "default"));
    /** List fields whose items are named one by one ({@code tag ceph removed}). */
    private static final Map<String, String> ITEM_NAMES = Map.of("tags", "tag", "profiles", "profile", "includes",
            "include", "members", "member", "params", "param");
    private static final int LONGEST = 80;

    private ImportDiffs() {
    }

    /**
     * The fields of {@code after} that differ from {@code before}.
     *
     * @param secure whether a param name is secure (its values are then never shown)
     */
    static ImportDiff of(String entity, String name, Record before, Record after, Predicate<String> secure) {
        List<ImportDiff.Change> out = new ArrayList<>();
        for (RecordComponent rc : before.getClass().getRecordComponents()) {
            Object a = get(rc, before);
            Object b = get(rc, after);
            if (Objects.equals(a, b)) {
                continue;
            }
            String field = FIELD_NAMES.getOrDefault(rc.getName(), rc.getName());
            String item = ITEM_NAMES.get(field);
            if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
                params(out, item == null ? field : item, ma, mb, secure);
            } else if (a instanceof Collection<?> ca && b instanceof Collection<?> cb && item != null) {
                items(out, field, item, ca, cb);
            } else if (entity.equals("param") && field.equals("default") && secure.test(name)) {
                out.add(change(field, a == null ? "" : ResolvedParam.MASK, b == null ? "" : ResolvedParam.MASK
                        + " (a new secure value, not shown)"));
            } else {
                out.add(change(field, shown(a), shown(b)));
            }
        }
        return new ImportDiff(entity, name, out);
    }

    private static ImportDiff.Change change(String field, String before, String after) {
        if (before.isEmpty() || before.equals("(none)")) {
            return new ImportDiff.Change(field, "(none)", after, ImportDiff.Kind.CHANGED);
        }
        return new ImportDiff.Change(field, before, after, ImportDiff.Kind.CHANGED);
    }

    private static void params(List<ImportDiff.Change> out, String item, Map<?, ?> a, Map<?, ?> b,
                               Predicate<String> secure) {
        Set<Object> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (Object k : keys) {
            String key = String.valueOf(k);
            Object va = a.get(k);
            Object vb = b.get(k);
            boolean hidden = secure.test(key);
            String field = item + " " + key;
            if (va == null) {
                out.add(new ImportDiff.Change(field, "", hidden ? ResolvedParam.MASK : value(vb),
                        ImportDiff.Kind.ADDED));
            } else if (vb == null) {
                out.add(new ImportDiff.Change(field, hidden ? ResolvedParam.MASK : value(va), "",
                        ImportDiff.Kind.REMOVED));
            } else if (!va.equals(vb)) {
                out.add(hidden ? new ImportDiff.Change(field, ResolvedParam.MASK, ResolvedParam.MASK
                        + " (a new secure value, not shown)", ImportDiff.Kind.CHANGED)
                        : new ImportDiff.Change(field, value(va), value(vb), ImportDiff.Kind.CHANGED));
            }
        }
    }

    private static void items(List<ImportDiff.Change> out, String field, String item, Collection<?> a,
                              Collection<?> b) {
        int before = out.size();
        for (Object x : a) {
            if (!b.contains(x)) {
                out.add(new ImportDiff.Change(item + " " + shown(x), "", "", ImportDiff.Kind.REMOVED));
            }
        }
        for (Object x : b) {
            if (!a.contains(x)) {
                out.add(new ImportDiff.Change(item + " " + shown(x), "", "", ImportDiff.Kind.ADDED));
            }
        }
        if (out.size() == before || !List.copyOf(a).equals(List.copyOf(b)) && field.equals("profiles")) {
            // same items in another order; for profiles the order is the precedence of their params
            out.add(new ImportDiff.Change(field + " (order)", list(a), list(b), ImportDiff.Kind.CHANGED));
        }
    }

    private static String list(Collection<?> c) {
        return c.isEmpty() ? "(none)" : String.join(" ", c.stream().map(ImportDiffs::shown).toList());
    }

    private static String value(Object v) {
        return v instanceof JsonNode n ? cut(n.toString()) : shown(v);
    }

    private static String shown(Object v) {
        if (v == null || "".equals(v)) {
            return "(none)";
        }
        if (v instanceof ClusterMember cm) {
            return cm.machine() + (cm.role().isEmpty() ? "" : " (" + cm.role() + ")");
        }
        if (v instanceof JsonNode n) {
            return cut(n.toString());
        }
        return cut(v.toString()); // enums print their ids (in-use, bare-metal)
    }

    private static String cut(String s) {
        return s.length() <= LONGEST ? s : s.substring(0, LONGEST - 3) + "...";
    }

    private static Object get(RecordComponent rc, Record r) {
        try {
            return rc.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
