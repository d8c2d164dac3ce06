package dev.underlay.inventory.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON or YAML document read token by token into a tree that remembers the line of every object and of every
 * field inside an object, so that a problem found later can point back into the file. Works for any Jackson
 * {@link JsonParser} (JSON or YAML), which is why it does not go through {@code ObjectMapper.readTree}.
 */
final class LocatedTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode root;
    /** Per object: its line, then the line of each field in the object's (insertion) order. Compact on purpose:
     * a 100,000-machine file has 200,000 objects. */
    private final Map<JsonNode, int[]> lines;

    private LocatedTree(JsonNode root, Map<JsonNode, int[]> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** A tree built elsewhere (YAML), with the same per-object line arrays: object line, then each field's. */
    static LocatedTree of(JsonNode root, Map<JsonNode, int[]> lines) {
        return new LocatedTree(root, lines);
    }

    /** Reads one document; a syntax error surfaces as Jackson's exception, which carries its location. */
    static LocatedTree read(JsonParser p) throws IOException {
        Map<JsonNode, int[]> lines = new IdentityHashMap<>();
        JsonToken t = p.nextToken();
        if (t == null) {
            return new LocatedTree(NODES.missingNode(), lines);
        }
        JsonNode root = value(p, t, lines, 0);
        return new LocatedTree(root, lines);
    }

    /**
     * Reads one value starting at {@code first} (the current token), so that a large file can be read one entity
     * at a time without holding the whole tree.
     */
    static LocatedTree readValue(JsonParser p, JsonToken first) throws IOException {
        Map<JsonNode, int[]> lines = new IdentityHashMap<>();
        return new LocatedTree(value(p, first, lines, 0), lines);
    }

    /** A compact, self-contained record of where an object and its fields are, that outlives this tree. */
    ImportSource.Origin origin(JsonNode object) {
        int[] l = lines.get(object);
        if (l == null) {
            return ImportSource.Origin.at(0);
        }
        String[] names = new String[l.length - 1];
        Iterator<String> it = object.fieldNames();
        for (int i = 0; i < names.length && it.hasNext(); i++) {
            names[i] = it.next();
        }
        return new ImportSource.Origin(l[0], f -> {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(f)) {
                    return l[i + 1];
                }
            }
            return l[0];
        });
    }

    JsonNode root() {
        return root;
    }

    /** Line of an object node, or 0 when unknown. */
    int line(JsonNode object) {
        int[] l = lines.get(object);
        return l == null ? 0 : l[0];
    }

    /**
     * Line of the {@code i}-th field (from 0, in the object's order), falling back to the object's line: for walks
     * over large objects, where looking each field up by name would cost the object's size each time.
     */
    int fieldLine(JsonNode object, int i) {
        int[] l = lines.get(object);
        if (l == null) {
            return 0;
        }
        return i + 1 < l.length ? l[i + 1] : l[0];
    }

    /** Line of a field inside an object, falling back to the object's line. */
    int line(JsonNode object, String field) {
        int[] l = lines.get(object);
        if (l == null) {
            return 0;
        }
        int i = 1;
        for (Iterator<String> it = object.fieldNames(); it.hasNext() && i < l.length; i++) {
            if (it.next().equals(field)) {
                return l[i];
            }
        }
        return l[0];
    }

    private static int lineOf(JsonLocation loc) {
        return loc == null ? 0 : Math.max(0, loc.getLineNr());
    }

    private static JsonNode value(JsonParser p, JsonToken t, Map<JsonNode, int[]> lines, int depth)
            throws IOException {
        if (depth > 200) {
            throw new IOException("document nested more than 200 levels deep");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                int[] at = new int[8];
                at[0] = lineOf(p.currentTokenLocation());
                int count = 0;
                JsonToken n;
                while ((n = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int line = lineOf(p.currentTokenLocation());
                    JsonNode v = value(p, p.nextToken(), lines, depth + 1);
                    if (o.has(name)) {
                        throw new DuplicateKeyException(name, line, firstLine(o, at, name));
                    }
                    o.set(name, v);
                    if (++count >= at.length) {
                        at = Arrays.copyOf(at, at.length * 2);
                    }
                    at[count] = line;
                }
                if (n != JsonToken.END_OBJECT) {
                    throw new IOException("unexpected " + n + " inside an object");
                }
                lines.put(o, Arrays.copyOf(at, count + 1));
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                JsonToken n;
                while ((n = p.nextToken()) != JsonToken.END_ARRAY && n != null) {
                    a.add(value(p, n, lines, depth + 1));
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

    private static int firstLine(ObjectNode o, int[] at, String name) {
        int i = 1;
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); i++) {
            if (it.next().equals(name)) {
                return at[i];
            }
        }
        return at[0];
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
