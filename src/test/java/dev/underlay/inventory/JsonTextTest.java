package dev.underlay.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    private static final List<String> TEXTS = List.of(
            "{\"s\":\"a \\\"quoted\\\" text \\u00e9\",\"i\":42,\"neg\":-7,\"big\":12345678901234,"
                    + "\"huge\":123456789012345678901234567890,\"f\":1.5,\"e\":-2.5e-3,\"z\":-0.0,\"one\":1.0,"
                    + "\"t\":true,\"n\":null,\"arr\":[1,\"x\",{\"k\":false},[],[[null]]],\"obj\":{\"deep\":{\"x\":[]}}}",
            "{\"a\":1,\"b\":2,\"a\":{\"c\":3}}",
            "[1, 2147483647, 2147483648, -2147483649, 9223372036854775808, 1e400, 0.1, 3.4028235e38]",
            "\"just text\"", "17", "-3.25", "true", "false", "null", "{}", "[]",
            "{\"type\":\"integer\",\"minimum\":1,\"maximum\":65535}", "  {\"x\" : [ 1 , 2 ] }  ",
            "{\"a\":1} trailing", "1 2", "", "   ");

    @Test
    void treesAreTheMappersNodeForNode() throws JsonProcessingException {
        for (String text : TEXTS) {
            JsonNode expected = Json.MAPPER.readTree(text);
            JsonNode read = JsonText.parse(text);
            assertSame(expected, read, text);
        }
    }

    @Test
    void paramsAreTheMappersNodeForNodeAndInOrder() throws JsonProcessingException {
        for (String text : TEXTS) {
            JsonNode whole = Json.MAPPER.readTree(text);
            Map<String, JsonNode> read = JsonText.paramsFrom(text);
            if (whole == null || !whole.isObject()) {
                assertTrue(read.isEmpty(), text);
                continue;
            }
            List<String> names = new ArrayList<>();
            whole.fieldNames().forEachRemaining(names::add);
            assertEquals(names, List.copyOf(read.keySet()), text);
            names.forEach(n -> assertSame(whole.get(n), read.get(n), text + " at " + n));
        }
    }

    @Test
    void brokenJsonIsRefusedWithTheParsersSentence() {
        for (String text : List.of("{\"a\": tru}", "[1,", "{\"a\" 1}", "{'a':1}", "[1,]")) {
            String expected = assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree(text))
                    .getOriginalMessage();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JsonText.parse(text));
            assertEquals("not valid JSON: " + expected, e.getMessage(), text);
            if (text.startsWith("{")) {
                assertThrows(IllegalArgumentException.class, () -> JsonText.paramsFrom(text), text);
            }
        }
    }

    /** Equal, and of the same node class all the way down (an IntNode is not a LongNode of the same value). */
    private static void assertSame(JsonNode expected, JsonNode actual, String where) {
        assertEquals(expected, actual, where);
        assertEquals(expected.getClass(), actual.getClass(), where + ": " + expected);
        if (expected.isContainerNode()) {
            Iterator<JsonNode> a = actual.elements();
            expected.elements().forEachRemaining(e -> assertSame(e, a.next(), where));
        }
    }
}
