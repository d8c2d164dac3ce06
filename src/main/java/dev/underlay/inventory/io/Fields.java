package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed reads of one JSON/YAML object of an import file. Each wrong value becomes a problem naming the line and
 * the field; the read then returns a harmless placeholder so that every problem of the file is reported at once.
 */
final class Fields {
    private final ImportSource src;
    private final LocatedTree tree;
    private final JsonNode node;
    private final String what;

    Fields(ImportSource src, LocatedTree tree, JsonNode node, String what) {
        this.src = src;
        this.tree = tree;
        this.node = node;
        this.what = what;
    }

    int line() {
        return tree.line(node);
    }

    int line(String field) {
        return tree.line(node, field);
    }

    /** Where this object is, for mapping rule violations back to the file (looked up only when needed). */
    ImportSource.Origin origin() {
        return tree.origin(node);
    }

    void allowOnly(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                src.problem(line(f), f, "unknown field '" + f + "' in " + what + " (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    boolean has(String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isValueNode() || v.isBoolean()) {
            src.problem(line(field), field, what + ": " + field + " must be text");
            return "";
        }
        return v.asText();
    }

    /** A required name: problems when missing. */
    String name() {
        String n = text("name");
        if (n.isBlank()) {
            src.problem(line(), "name", what + " has no name");
        }
        return n;
    }

    Integer integer(String field, Integer dflt) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.parseInt(v.asText().strip());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        src.problem(line(field), field, what + ": " + field + " must be a whole number, not " + v);
        return dflt;
    }

    boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            src.problem(line(field), field, what + ": " + field + " must be true or false, not " + v);
            return false;
        }
        return v.booleanValue();
    }

    List<String> strings(String field) {
        JsonNode v = node.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            src.problem(line(field), field, what + ": " + field + " must be a list of names");
            return out;
        }
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                src.problem(line(field), field, what + ": " + field + " must hold names only, not " + e);
            } else {
                out.add(e.asText());
            }
        }
        return out;
    }

    Map<String, JsonNode> params(String field) {
        JsonNode v = node.get(field);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            src.problem(line(field), field, what + ": " + field + " must be an object of name: value");
            return out;
        }
        v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Parses an enum-like value with its own parser; the parser's message names the accepted values. */
    <T> T choice(String field, Function<String, T> parser, T dflt) {
        String t = text(field);
        if (t.isEmpty()) {
            return dflt;
        }
        try {
            return parser.apply(t);
        } catch (IllegalArgumentException e) {
            src.problem(line(field), field, what + ": " + e.getMessage());
            return dflt;
        }
    }
}
