package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void paramsFromGivesTheSameNodesAsParsingTheWholeObject() {
        String text = "{\"s\":\"a \\\"quoted\\\" text\",\"i\":42,\"big\":12345678901234,\"f\":1.5,\"t\":true,"
                + "\"n\":null,\"arr\":[1,\"x\",{\"k\":false}],\"obj\":{\"deep\":{\"x\":[]}},\"f2\":false}";
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        Json.parse(text).fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue()));
        Map<String, JsonNode> read = Json.paramsFrom(text);
        assertEquals(expected, read);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(read.keySet()), "the order of the params is kept");
        assertEquals(expected.get("big").getClass(), read.get("big").getClass());
    }

    @Test
    void paramsFromOfNothingOrANonObjectIsEmptyAndOfBrokenJsonIsAClearError() {
        assertTrue(Json.paramsFrom(null).isEmpty());
        assertTrue(Json.paramsFrom("  ").isEmpty());
        assertTrue(Json.paramsFrom("[1,2]").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Json.paramsFrom("{\"a\": tru}"));
        assertTrue(e.getMessage().startsWith("not valid JSON: "), e.getMessage());
    }
}
