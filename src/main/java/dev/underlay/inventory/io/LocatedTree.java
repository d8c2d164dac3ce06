package dev.underlay.inventory.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A JSON or YAML document read token by token into a tree that remembers the line of every object and of every
 * field inside an object, so that a problem found later can point back into the file. Works for any Jackson
 * {@link JsonParser} (JSON or YAML), which is why it does not go through {@code ObjectMapper.readTree}.
 */
final class LocatedTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    private final Map<JsonNode, Integer> objectLines;
    private final Map<JsonNode, Map<String, Integer>> fieldLines;

    private LocatedTree(JsonNode root, Map<JsonNode, Integer> objectLines,
                        Map<JsonNode, Map<String, Integer>> fieldLines) {
        this.root = root;
        this.objectLines = objectLines;
        this.fieldLines = fieldLines;
    }

    /** Reads one document; a syntax error surfaces as Jackson's exception, which carries its location. */
    static LocatedTree read(JsonParser p) throws IOException {
        Map<JsonNode, Integer> objects = new IdentityHashMap<>();
        Map<JsonNode, Map<String, Integer>> fields = new IdentityHashMap<>();
        JsonToken t = p.nextToken();
        if (t == null) {
            return new LocatedTree(NODES.missingNode(), objects, fields);
        }
        JsonNode root = value(p, t, objects, fields, 0);
        return new LocatedTree(root, objects, fields);
    }

    JsonNode root() {
        return root;
    }

    /** Line of an object node, or 0 when unknown. */
    int line(JsonNode object) {
        Integer l = objectLines.get(object);
        return l == null ? 0 : l;
    }

    /** Line of a field inside an object, falling back to the object's line. */
    int line(JsonNode object, String field) {
        Map<String, Integer> m = fieldLines.get(object);
        Integer l = m == null ? null : m.get(field);
        return l == null ? line(object) : l;
    }

    private static int lineOf(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    private static JsonNode value(JsonParser p, JsonToken t, Map<JsonNode, Integer> objects,
                                  Map<JsonNode, Map<String, Integer>> fields, int depth) throws IOException {
        if (depth > 200) {
            throw new IOException("document nested more than 200 levels deep");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                objects.put(o, lineOf(p.currentTokenLocation()));
                Map<String, Integer> lines = new HashMap<>();
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int line = lineOf(p.currentTokenLocation());
                    JsonNode v = value(p, p.nextToken(), objects, fields, depth + 1);
                    if (o.has(name)) {
                        throw new DuplicateKeyException(name, line, lines.get(name));
                    }
                    o.set(name, v);
                    lines.put(name, line);
                }
                if (n != JsonToken.END_OBJECT) {
                    throw new IOException("unexpected " + n + " inside an object");
                }
                fields.put(o, lines);
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY && n != null) {
                    a.add(value(p, n, objects, fields, depth + 1));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IOException("unexpected " + t);
        }
    }

    /** The same key twice in one object: JSON allows it, but an inventory file with it is a mistake. */
    static final class DuplicateKeyException extends IOException {
        private static final long serialVersionUID = 1L;
        final String key;
        final int line;

        DuplicateKeyException(String key, int line, Integer firstLine) {
            super("key '" + key + "' appears twice in one object (lines " + firstLine + " and " + line + ")");
            this.key = key;
            this.line = line;
        }
    }
}
