package dev.underlay.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON helpers for param values. One configured, immutable mapper: a constant, not shared mutable state. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A param map from a JSON object text (anything else gives an empty map). Strings, booleans and nulls are read
     * straight from the token stream, the rest through the mapper: the same nodes as {@link #parse}, at a fraction
     * of the cost, which matters when 100,000 machines are read at start.
     */
    public static Map<String, JsonNode> paramsFrom(String text) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                out.put(name, switch (v) {
                    case VALUE_STRING -> JsonNodeFactory.instance.textNode(p.getText());
                    case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
                    case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
                    case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
                    default -> MAPPER.readTree(p);
                });
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a value as typed by a person: valid JSON (numbers, true/false, quoted strings, arrays, objects)
     * stays JSON; anything else is a string.
     */
    public static JsonNode lenient(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return JsonNodeFactory.instance.textNode("");
        }
        char c = t.charAt(0);
        if (c == '{' || c == '[' || c == '"' || c == '-' || Character.isDigit(c) || t.equals("true")
                || t.equals("false") || t.equals("null")) {
            try {
                return MAPPER.readTree(t);
            } catch (JsonProcessingException e) {
                return JsonNodeFactory.instance.textNode(text);
            }
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}
