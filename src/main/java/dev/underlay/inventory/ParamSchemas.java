package dev.underlay.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A param definition's JSON Schema (draft 2020-12, formats asserted), enforced wherever a value is set: on a
 * machine, in a profile, as the default. Refusals name the param, the value and the rule. Schemas are
 * self-contained: a {@code $ref} may only point inside the schema, and nothing is ever fetched from a network.
 */
public final class ParamSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemaLoader(l -> l.fetchRemoteResources(false)));
    private static final int SHOWN = 60;
    private static final Map<JsonNode, Schema> COMPILED = new ConcurrentHashMap<>();
    private static volatile Schema meta;

    private ParamSchemas() {
    }

    /** Checks a definition: its schema is a valid, self-contained JSON Schema, and its default fits it. */
    static void checkDefinition(List<Violation> out, ParamDefinition d) {
        if (d.schema() == null || d.schema().isNull()) {
            return;
        }
        String problem = schemaProblem(d.schema());
        if (problem != null) {
            out.add(new Violation("param", d.name(), "schema", "param " + d.name() + " has a schema that " + problem));
            return;
        }
        if (d.defaultValue() != null) {
            String why = refusal(d, d.defaultValue());
            if (why != null) {
                out.add(new Violation("param", d.name(), "default", "param " + d.name() + ": the default " + why));
            }
        }
    }

    /**
     * Checks every value of {@code params} that has a definition with a schema. Sealed secure values are not
     * there to check: {@link #checkBeforeSealing} saw their plaintext.
     */
    static void checkValues(List<Violation> out, Inventory inv, String entity, String owner,
                            Map<String, JsonNode> params) {
        checkValues(out, inv.paramDefinitions(), entity, owner, params, false);
    }

    /**
     * Checks the plaintext of the secure values in {@code ch} before they are sealed, against the definitions of
     * {@code current} and of {@code ch}; refusals never show such a value.
     */
    static List<Violation> checkBeforeSealing(Inventory current, InventoryChanges ch) {
        Map<String, ParamDefinition> defs = new java.util.HashMap<>(current.paramDefinitions());
        ch.paramDefinitions.forEach(d -> defs.put(d.name(), d));
        List<Violation> out = new ArrayList<>();
        for (Machine m : ch.machines) {
            checkValues(out, defs, "machine", m.name(), m.params(), true);
        }
        for (Profile p : ch.profiles) {
            checkValues(out, defs, "profile", p.name(), p.params(), true);
        }
        return out;
    }

    private static void checkValues(List<Violation> out, Map<String, ParamDefinition> defs, String entity,
                                    String owner, Map<String, JsonNode> params, boolean secureOnly) {
        for (Map.Entry<String, JsonNode> e : params.entrySet()) {
            ParamDefinition d = defs.get(e.getKey());
            if (d == null || d.schema() == null || d.schema().isNull() || SecureParams.isSealed(e.getValue())
                    || secureOnly != (d.secure() || SecureParams.nameIsSecret(d.name()))
                    || schemaProblem(d.schema()) != null) {
                continue; // a broken schema is reported once, on its definition
            }
            String why = refusal(d, e.getValue());
            if (why != null) {
                out.add(new Violation(entity, owner, "params", entity + " " + owner + ": param " + d.name() + " "
                        + why));
            }
        }
    }

    /**
     * Why {@code value} does not fit {@code d}'s schema, e.g. {@code "value 70000 is refused by its schema: must
     * have a maximum value of 65535"}, or null when it fits. A secure param's value is never shown.
     */
    public static String refusal(ParamDefinition d, JsonNode value) {
        Schema s = compiled(d.schema());
        List<Error> errors = s.validate(value, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
        if (errors.isEmpty()) {
            return null;
        }
        List<String> rules = new ArrayList<>();
        for (Error e : errors) {
            String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
            rules.add((at.isEmpty() || at.equals("$") ? "" : "at " + at + ": ") + rule(e));
        }
        String shown = d.secure() || SecureParams.nameIsSecret(d.name()) ? "(a secure value)" : show(value);
        return "value " + shown + " is refused by its schema: " + String.join("; ", rules);
    }

    private static String rule(Error e) {
        if ("type".equals(e.getKeyword()) && e.getArguments() != null && e.getArguments().length == 2) {
            return "must be " + article(String.valueOf(e.getArguments()[1])) + ", not " + article(
                    String.valueOf(e.getArguments()[0]));
        }
        return e.getMessage();
    }

    private static String article(String type) {
        return (type.matches("[aeiou].*") ? "an " : "a ") + type;
    }

    private static String show(JsonNode v) {
        String s = v.toString();
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "...";
    }

    /** Why a schema cannot be used, or null when it can. */
    static String schemaProblem(JsonNode schema) {
        if (!schema.isObject() && !schema.isBoolean()) {
            return "is not a JSON object";
        }
        String ref = foreignRef(schema);
        if (ref != null) {
            return "refers outside itself (" + ref + "); param schemas must be self-contained";
        }
        try {
            List<Error> errors = meta().validate(schema);
            if (!errors.isEmpty()) {
                Error e = errors.get(0);
                String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
                return "is not valid JSON Schema" + (at.isEmpty() || at.equals("$") ? "" : " at " + at) + ": "
                        + e.getMessage();
            }
            compiled(schema);
            return null;
        } catch (SchemaException | IllegalArgumentException e) {
            return "cannot be read as JSON Schema: " + e.getMessage();
        }
    }

    private static String foreignRef(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String k = f.getKey();
                boolean refKey = k.equals("$ref") || k.equals("$dynamicRef") || k.equals("$recursiveRef");
                if (refKey && (!f.getValue().isTextual() || !f.getValue().asText().startsWith("#"))) {
                    return k + " " + f.getValue();
                }
                if ((k.equals("$id") || k.equals("$schema")) && f.getValue().isTextual()
                        && !(k.equals("$schema") && f.getValue().asText().contains("json-schema.org/draft/2020-12"))) {
                    return k + " " + f.getValue();
                }
                String inner = foreignRef(f.getValue());
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                String inner = foreignRef(n);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static Schema compiled(JsonNode schema) {
        return COMPILED.computeIfAbsent(schema, REGISTRY::getSchema);
    }

    private static Schema meta() {
        Schema m = meta;
        if (m == null) {
            m = REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
            meta = m;
        }
        return m;
    }
}
