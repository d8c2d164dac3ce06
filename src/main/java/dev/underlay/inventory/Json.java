package dev.underlay.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON helpers for param values. One configured, immutable mapper: a constant, not shared mutable state. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {
    }

    /** The tree of {@code text} ({@link JsonText#parse}, which needs no mapper). */
    public static JsonNode parse(String text) {
        return JsonText.parse(text);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A param map from a JSON object text, anything else gives an empty map ({@link JsonText#paramsFrom}). */
    public static Map<String, JsonNode> paramsFrom(String text) {
        return JsonText.paramsFrom(text);
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
