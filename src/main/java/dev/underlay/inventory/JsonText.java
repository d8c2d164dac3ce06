package dev.underlay.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON text to Jackson trees with jackson-core's parser alone: the same nodes as {@link Json#MAPPER}'s
 * {@code readTree} (ints as {@code IntNode}, then {@code LongNode} and {@code BigIntegerNode}; decimals as
 * {@code DoubleNode}; a repeated key keeps its place and takes the last value; nothing after the first value is
 * read; no text is a {@code MissingNode}), without initializing an {@code ObjectMapper}. That class's set-up
 * (date formats, locales: some 60 ms of CPU) was a tenth of every CLI command's start, paid only to read the
 * params and schemas of the inventory (decision 0036). {@code JsonTextTest} holds the two readers equal.
 */
public final class JsonText {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonText() {
    }

    /** As {@link Json#parse}: the tree of {@code text}; broken JSON is an {@link IllegalArgumentException}. */
    public static JsonNode parse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            return t == null ? NODES.missingNode() : read(p, t);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link Json#paramsFrom}: a param map from a JSON object text (anything else gives an empty map). */
    public static Map<String, JsonNode> paramsFrom(String text) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                out.put(name, read(p, p.nextToken()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value that starts at {@code t}, the parser's current token; leaves the parser on its last token. */
    static JsonNode read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    object.replace(name, read(p, p.nextToken()));
                }
                return object;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    array.add(read(p, e));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return switch (p.getNumberType()) {
                    case BIG_DECIMAL -> NODES.numberNode(p.getDecimalValue());
                    case FLOAT -> NODES.numberNode(p.getFloatValue());
                    default -> NODES.numberNode(p.getDoubleValue());
                };
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalArgumentException("not valid JSON: unexpected " + t);
        }
    }
}
