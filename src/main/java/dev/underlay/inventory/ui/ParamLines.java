package dev.underlay.inventory.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.underlay.inventory.Json;
import dev.underlay.inventory.SecureParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Params as a technician types them, one {@code name = value} a line, in order. A value that reads as JSON (a
 * number, true/false, null, a quoted string, an array, an object) is that JSON; anything else is a string, so
 * {@code k8s_version = 1.30.4} needs no quotes. Written back the same way: strings unquoted unless they would read
 * as something else. Secure values are only ever the mask, which keeps the stored secret.
 */
final class ParamLines {
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ParamLines() {
    }

    /** The lines of a param map, in its order. */
    static String format(Map<String, JsonNode> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : "\n").append(k).append(" = ").append(show(v)));
        return b.toString();
    }

    /** A value as it is written in a line (and in the value column of a table). */
    static String show(JsonNode v) {
        if (v == null) {
            return "";
        }
        if (v.isTextual()) {
            String s = v.asText();
            return SecureParams.isSealed(v) || value(s).equals(v) ? s : v.toString();
        }
        return v.toString();
    }

    /** The value a typed text stands for. */
    static JsonNode value(String typed) {
        String t = typed.strip();
        if (t.isEmpty()) {
            return JsonNodeFactory.instance.textNode("");
        }
        try {
            JsonNode n = STRICT.readTree(t);
            // 1.30 would lose its zero as a number: a number that does not read back as typed is a string
            if (n != null && (!n.isNumber() || n.toString().equals(t))) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // not JSON: a plain string
        }
        return JsonNodeFactory.instance.textNode(t);
    }

    /** The result of reading lines: the params, or the problems by line. */
    record Parsed(Map<String, JsonNode> params, List<String> problems) {
    }

    static Parsed parse(String text) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add("line " + (i + 1) + ": write name = value (such as ntp_servers = [\"10.0.0.1\"])");
                continue;
            }
            String name = line.substring(0, eq).strip();
            String v = line.substring(eq + 1).strip();
            if (out.containsKey(name)) {
                problems.add("line " + (i + 1) + ": param " + name + " is set twice");
                continue;
            }
            if ((v.startsWith("[") || v.startsWith("{")) && !(value(v).isContainerNode())) {
                problems.add("line " + (i + 1) + ": the value of " + name + " starts like JSON but is not valid "
                        + "JSON; quote it to make it a string");
                continue;
            }
            out.put(name, value(v));
        }
        return new Parsed(out, problems);
    }

    /** Comma- or space-separated names in order, as in the includes of a profile. */
    static List<String> names(String text) {
        return MachineText.words(text);
    }
}
