package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.ParamDefinition;
import dev.underlay.inventory.ParamOwner;
import dev.underlay.inventory.ParamValues;
import dev.underlay.inventory.Profile;
import dev.underlay.inventory.SecureParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an import treats the secure values already stored. A value the file leaves out because an export left it out
 * (listed under the JSON export's omitted values; in CSV, any stored secure value a row lacks) is kept. A value
 * the file brings again unchanged stays as stored, so the entity compares unchanged; a different one stays in the
 * entity (to be sealed when the plan is applied) and the preview says that it would change.
 */
final class StoredSecrets {
    private final ImportSource src;
    private final Inventory current;
    private final ParamValues values;
    private final boolean keepAllLeftOut;
    private int kept;
    private final List<String> changing = new ArrayList<>();

    /** @param keepAllLeftOut CSV: the format has no list of what it left out, and its exports leave out them all */
    StoredSecrets(ImportSource src, Inventory current, ParamValues values, boolean keepAllLeftOut) {
        this.src = src;
        this.current = current;
        this.values = values;
        this.keepAllLeftOut = keepAllLeftOut;
    }

    List<Machine> machines(List<Machine> in) {
        List<Machine> out = new ArrayList<>(in.size());
        for (Machine m : in) {
            Machine old = current.machines().get(m.name());
            Map<String, JsonNode> p = params(ParamOwner.machine(m.name()), "machine " + m.name(), m.params(),
                    old == null ? Map.of() : old.params());
            out.add(p == m.params() ? m : m.toBuilder().params(p).build());
        }
        return out;
    }

    List<Profile> profiles(List<Profile> in) {
        List<Profile> out = new ArrayList<>(in.size());
        for (Profile pr : in) {
            Profile old = current.profiles().get(pr.name());
            Map<String, JsonNode> p = params(ParamOwner.profile(pr.name()), "profile " + pr.name(), pr.params(),
                    old == null ? Map.of() : old.params());
            out.add(p == pr.params() ? pr : new Profile(pr.name(), pr.description(), pr.includes(), p));
        }
        return out;
    }

    List<ParamDefinition> definitions(List<ParamDefinition> in) {
        List<ParamDefinition> out = new ArrayList<>(in.size());
        for (ParamDefinition d : in) {
            ParamDefinition old = current.paramDefinitions().get(d.name());
            JsonNode stored = old == null ? null : old.defaultValue();
            JsonNode v = d.defaultValue();
            if (SecureParams.isSealed(stored)) {
                if (v == null && src.keptSecure.contains("param " + d.name() + ": default")) {
                    v = stored;
                    kept++;
                } else if (v != null && same(ParamOwner.definition(d.name()), d.name(), v)) {
                    v = stored;
                } else if (v != null) {
                    changing.add("param " + d.name() + ": default");
                }
            }
            out.add(v == d.defaultValue() ? d
                    : new ParamDefinition(d.name(), d.schema(), v, d.description(), d.secure()));
        }
        return out;
    }

    /** One preview note for the values kept and one per secure value that would change. */
    void note() {
        if (kept > 0) {
            src.notes.add("kept the stored values of " + kept + " secure params the file leaves out");
        }
        for (String c : changing) {
            src.notes.add(c + ": the stored secure value would change");
        }
    }

    private Map<String, JsonNode> params(ParamOwner owner, String label, Map<String, JsonNode> in,
                                         Map<String, JsonNode> stored) {
        Map<String, JsonNode> out = null;
        for (Map.Entry<String, JsonNode> e : stored.entrySet()) {
            String name = e.getKey();
            if (!SecureParams.isSecure(current, name)) {
                continue;
            }
            JsonNode v = in.get(name);
            if (v == null && (keepAllLeftOut || src.keptSecure.contains(label + ": " + name))) {
                out = out == null ? new LinkedHashMap<>(in) : out;
                out.put(name, e.getValue());
                kept++;
            } else if (v != null && !SecureParams.isSealed(v)) {
                if (SecureParams.isSealed(e.getValue()) ? same(owner, name, v) : v.equals(e.getValue())) {
                    out = out == null ? new LinkedHashMap<>(in) : out;
                    out.put(name, e.getValue());
                } else {
                    changing.add(label + ": " + name);
                }
            }
        }
        return out == null ? in : out;
    }

    private boolean same(ParamOwner owner, String param, JsonNode v) {
        return values.sameAsStored(owner, param, v);
    }
}
