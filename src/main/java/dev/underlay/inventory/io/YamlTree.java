package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * One YAML document read from SnakeYAML's events into a {@link LocatedTree}, as PyYAML (and so Ansible) reads it:
 * aliases stand for their anchor's value, {@code <<} merge keys merge (keys of the mapping win, then the first
 * merged mapping), plain scalars are typed by the YAML 1.1 rules ({@link YamlScalars}). Jackson's YAML parser does
 * none of that (an alias comes back as the anchor's name), which is why this does not go through it.
 *
 * <p>An alias shares its anchor's nodes instead of copying them, so a "billion laughs" file costs no memory here;
 * what would cost is everything downstream walking the expansion, so the values that aliases and merges add are
 * counted and a document that grows more than {@value #GROWTH} times its written size (plus
 * {@value #ALLOWANCE}) is refused at the alias that crossed the line.
 */
final class YamlTree {
    static final int MAX_DEPTH = 200;
    static final long GROWTH = 100;
    static final long ALLOWANCE = 100_000;

    /** A problem that ends the reading, with its 1-based line. */
    static final class YamlProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        YamlProblem(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Parser parser;
    private final Map<JsonNode, int[]> lines = new IdentityHashMap<>();
    /** Expanded size (values it stands for) of every collection node, kept for the aliases that name it. */
    private final Map<JsonNode, Long> sizes = new IdentityHashMap<>();
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    /** Values as written, and values that aliases and merges add on top. */
    private long written;
    private long added;

    private YamlTree(String text) {
        LoaderOptions options = new LoaderOptions();
        // the file is the user's own: its size is its business (a 50,000-host inventory is 5 MB); expansion is
        // bounded here, and nesting by MAX_DEPTH
        options.setCodePointLimit(Integer.MAX_VALUE);
        options.setNestingDepthLimit(MAX_DEPTH + 1);
        this.parser = new ParserImpl(new StreamReader(text), options);
    }

    /** Reads the one document of {@code text}; an empty text is a missing node. */
    static LocatedTree read(String text) throws YamlProblem, LocatedTree.DuplicateKeyException {
        return new YamlTree(text).document();
    }

    private LocatedTree document() throws YamlProblem, LocatedTree.DuplicateKeyException {
        next(); // stream start
        Event e = next();
        if (e.is(Event.ID.StreamEnd)) {
            return LocatedTree.of(NODES.missingNode(), lines);
        }
        JsonNode root = node(next(), 0);
        next(); // document end
        Event after = next();
        if (after.is(Event.ID.DocumentStart)) {
            throw new YamlProblem(line(after.getStartMark()), "a second YAML document starts here; an Ansible "
                    + "inventory file holds one document (remove the '---' line and what follows, or make it a file "
                    + "of its own)");
        }
        return LocatedTree.of(root, lines);
    }

    private Event next() {
        return parser.getEvent();
    }

    private JsonNode node(Event e, int depth) throws YamlProblem, LocatedTree.DuplicateKeyException {
        if (depth > MAX_DEPTH) {
            throw new YamlProblem(line(e.getStartMark()), "values nest more than " + MAX_DEPTH + " levels deep");
        }
        if (e instanceof AliasEvent a) {
            return alias(a);
        }
        String anchor = e instanceof NodeEvent n ? n.getAnchor() : null;
        if (anchor != null) {
            open.add(anchor);
        }
        JsonNode out;
        if (e instanceof ScalarEvent s) {
            written++;
            out = YamlScalars.value(s);
        } else if (e.is(Event.ID.SequenceStart)) {
            out = sequence(e, depth);
        } else if (e.is(Event.ID.MappingStart)) {
            out = mapping(e, depth);
        } else {
            throw new YamlProblem(line(e.getStartMark()), "a value was expected here");
        }
        if (anchor != null) {
            open.remove(anchor);
            anchors.put(anchor, out);
        }
        return out;
    }

    private JsonNode alias(AliasEvent a) throws YamlProblem {
        String name = a.getAnchor();
        int line = line(a.getStartMark());
        if (open.contains(name)) {
            throw new YamlProblem(line, "alias *" + name + " stands inside the value of its own anchor &" + name
                    + " (a value cannot contain itself)");
        }
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw new YamlProblem(line, "alias *" + name + " names no anchor defined before it (write &" + name
                    + " on the value first)");
        }
        grow(line, "alias *" + name, size(target));
        return target;
    }

    /** Counts what an alias or merge adds; refuses a document that grows past the bound. */
    private void grow(int line, String what, long values) throws YamlProblem {
        added = Math.min(Long.MAX_VALUE / 2, added + values);
        long limit = GROWTH * Math.max(written, 1) + ALLOWANCE;
        if (added > limit) {
            throw new YamlProblem(line, String.format("%s (and the aliases before it) would make this document "
                    + "stand for %,d values where %,d are written; more than %d times its size is refused, as a "
                    + "YAML \"billion laughs\" file is", what, added + written, written, GROWTH));
        }
    }

    private long size(JsonNode n) {
        Long s = sizes.get(n);
        return s == null ? 1 : s;
    }

    private JsonNode sequence(Event start, int depth) throws YamlProblem, LocatedTree.DuplicateKeyException {
        ArrayNode a = NODES.arrayNode();
        long size = 1;
        written++;
        Event e;
        while (!(e = next()).is(Event.ID.SequenceEnd)) {
            JsonNode item = node(e, depth + 1);
            a.add(item);
            size = Math.min(Long.MAX_VALUE / 2, size + size(item));
        }
        sizes.put(a, size);
        return a;
    }

    private JsonNode mapping(Event start, int depth) throws YamlProblem, LocatedTree.DuplicateKeyException {
        written++;
        int mapLine = line(start.getStartMark());
        Map<String, Integer> index = new HashMap<>();
        List<String> keys = new ArrayList<>();
        List<JsonNode> values = new ArrayList<>();
        List<Integer> keyLines = new ArrayList<>();
        List<JsonNode> merges = new ArrayList<>();
        int mergeLine = 0;
        Event e;
        while (!(e = next()).is(Event.ID.MappingEnd)) {
            int keyLine = line(e.getStartMark());
            boolean merge = e instanceof ScalarEvent s && YamlScalars.isMergeKey(s);
            JsonNode key = node(e, depth + 1);
            if (!key.isValueNode()) {
                throw new YamlProblem(keyLine, "a mapping key must be a plain value such as a name, not a list or "
                        + "a mapping");
            }
            Event valueEvent = next();
            JsonNode value = node(valueEvent, depth + 1);
            if (merge) {
                mergeLine = keyLine;
                addMerges(merges, value, keyLine);
                continue;
            }
            String k = key.isNull() ? "" : key.asText();
            Integer first = index.putIfAbsent(k, keys.size());
            if (first != null) {
                throw new LocatedTree.DuplicateKeyException(k, keyLine, keyLines.get(first));
            }
            keys.add(k);
            values.add(value);
            keyLines.add(keyLine);
        }
        ObjectNode o = NODES.objectNode();
        List<Integer> at = new ArrayList<>();
        long size = 1;
        if (!merges.isEmpty()) {
            long copied = 0;
            for (JsonNode m : merges) {
                int[] mLines = lines.get(m);
                int i = 1;
                for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); i++) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!index.containsKey(f.getKey())) {
                        if (o.replace(f.getKey(), f.getValue()) == null) {
                            at.add(mLines != null && i < mLines.length ? mLines[i] : mergeLine);
                        }
                        copied++;
                    }
                }
            }
            grow(mergeLine, "the merge key on line " + mergeLine, copied);
        }
        for (int i = 0; i < keys.size(); i++) {
            o.set(keys.get(i), values.get(i));
            at.add(keyLines.get(i));
        }
        for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
            size = Math.min(Long.MAX_VALUE / 2, size + 1 + size(it.next()));
        }
        int[] l = new int[at.size() + 1];
        l[0] = mapLine;
        for (int i = 0; i < at.size(); i++) {
            l[i + 1] = at.get(i);
        }
        lines.put(o, l);
        sizes.put(o, size);
        return o;
    }

    /**
     * A merge key's value: one mapping, or a list of them where the first wins. Appended so that later entries of
     * {@code merges} overwrite earlier ones, as PyYAML's flattening does.
     */
    private static void addMerges(List<JsonNode> merges, JsonNode value, int line) throws YamlProblem {
        if (value.isObject()) {
            merges.add(value);
            return;
        }
        if (value.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isObject()) {
                    throw new YamlProblem(line, "a merge key (<<) takes a mapping or a list of mappings; this list "
                            + "holds " + YamlScalars.kind(item));
                }
                items.add(item);
            }
            for (int i = items.size() - 1; i >= 0; i--) {
                merges.add(items.get(i));
            }
            return;
        }
        throw new YamlProblem(line, "a merge key (<<) takes a mapping or a list of mappings, not "
                + YamlScalars.kind(value));
    }

    static int line(Mark m) {
        return m == null ? 0 : m.getLine() + 1;
    }
}
