package dev.underlay.automation.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML value with the line it starts on (1-based): a mapping (keys in file order), a sequence or a scalar (its
 * text as written, and its value as JSON). Read from SnakeYAML's node graph, so every problem can name its line.
 */
record YNode(int line, Map<String, YNode> fields, List<YNode> items, String raw, JsonNode value) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A YAML syntax problem, or a key twice in one mapping, at a line. */
    static final class SyntaxProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        SyntaxProblem(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    boolean isMap() {
        return fields != null;
    }

    boolean isList() {
        return items != null;
    }

    boolean isScalar() {
        return raw != null;
    }

    YNode get(String key) {
        return fields == null ? null : fields.get(key);
    }

    /** The whole value as JSON (mappings as objects). */
    JsonNode json() {
        if (value != null) {
            return value;
        }
        if (isList()) {
            var a = NODES.arrayNode();
            items.forEach(i -> a.add(i.json()));
            return a;
        }
        ObjectNode o = NODES.objectNode();
        fields.forEach((k, v) -> o.set(k, v.json()));
        return o;
    }

    /** Reads one YAML document; an empty file is an empty mapping. */
    static YNode read(Reader in) throws SyntaxProblem {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(8 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        try {
            List<Node> docs = new ArrayList<>();
            yaml.composeAll(in).forEach(docs::add);
            if (docs.size() > 1) {
                throw new SyntaxProblem(docs.get(1).getStartMark().getLine() + 1,
                        "a content pack is one YAML document, this file has " + docs.size());
            }
            return docs.isEmpty() ? new YNode(1, Map.of(), null, null, null) : of(docs.get(0), 0);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new SyntaxProblem(line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new SyntaxProblem(1, "not valid YAML: " + e.getMessage());
        }
    }

    private static YNode of(Node n, int depth) throws SyntaxProblem {
        int line = n.getStartMark().getLine() + 1;
        if (depth > 64) {
            throw new SyntaxProblem(line, "nested more than 64 levels deep");
        }
        if (n instanceof MappingNode m) {
            Map<String, YNode> fields = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw new SyntaxProblem(t.getKeyNode().getStartMark().getLine() + 1, "a key must be plain text");
                }
                if (fields.put(k.getValue(), of(t.getValueNode(), depth + 1)) != null) {
                    throw new SyntaxProblem(k.getStartMark().getLine() + 1, "key " + k.getValue()
                            + " appears twice in one mapping");
                }
            }
            return new YNode(line, fields, null, null, null);
        }
        if (n instanceof SequenceNode s) {
            List<YNode> items = new ArrayList<>();
            for (Node i : s.getValue()) {
                items.add(of(i, depth + 1));
            }
            return new YNode(line, null, items, null, null);
        }
        ScalarNode s = (ScalarNode) n;
        return new YNode(line, null, null, s.getValue(), scalar(s));
    }

    private static JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                return NODES.booleanNode(v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")
                        || v.equalsIgnoreCase("on") || v.equalsIgnoreCase("y"));
            }
            if (Tag.INT.equals(tag) && v.matches("[-+]?(0|[1-9][0-9_]*)")) {
                BigInteger i = new BigInteger(v.replace("_", ""));
                return i.bitLength() < 63 ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
            }
            if (Tag.FLOAT.equals(tag) && v.matches("[-+]?([0-9][0-9_]*)?\\.?[0-9]*([eE][-+]?[0-9]+)?")) {
                return NODES.numberNode(new BigDecimal(v.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // falls through: kept as text
        }
        return NODES.textNode(v); // octal, hex, sexagesimal, timestamps, .inf: the text as written
    }
}
