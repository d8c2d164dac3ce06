package dev.underlay.inventory.io;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Says what is wrong with a YAML text in a technician's words. SnakeYAML's problem text speaks of its tokens
 * ("expected &lt;block end&gt;, but found '&lt;block mapping start&gt;'"); it is read here to pick the sentence,
 * and never shown.
 */
final class YamlSyntax {
    private YamlSyntax() {
    }

    static int line(YAMLException e) {
        if (e instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            return m.getProblemMark().getLine() + 1;
        }
        return 0;
    }

    static String describe(YAMLException e) {
        if (e instanceof ReaderException r) {
            return String.format("not valid YAML: a control character (code %d) that YAML text cannot hold",
                    r.getCodePoint());
        }
        if (!(e instanceof MarkedYAMLException m)) {
            return "not valid YAML";
        }
        String p = m.getProblem() == null ? "" : m.getProblem();
        String c = m.getContext() == null ? "" : m.getContext();
        String col = m.getProblemMark() == null ? "" : " at column " + (m.getProblemMark().getColumn() + 1);
        return "not valid YAML" + col + ": " + what(p, c);
    }

    private static String what(String p, String c) {
        if (p.contains("(TAB)") || p.contains("\t") || p.contains("tab character")) {
            return "a tab; YAML indents with spaces only";
        }
        if (p.contains("mapping values are not allowed")) {
            return "a ': ' where no mapping can start (a value holding ': ' needs quotes, or the indentation is off)";
        }
        if (p.contains("could not find expected ':'")) {
            return "a line without 'key: value' inside a mapping (a ':' is missing, or a quote is never closed)";
        }
        if (p.contains("cannot start any token")) {
            return "this character cannot start a value; put the value in quotes";
        }
        if (p.contains("end of stream") && (c.contains("quoted") || c.contains("scalar"))) {
            return "the file ends inside quoted text (a closing quote is missing)";
        }
        if (p.contains("expected ',' or '}'")) {
            return "a {...} mapping needs ',' between its entries and a closing '}'";
        }
        if (p.contains("expected ',' or ']'")) {
            return "a [...] list needs ',' between its items and a closing ']'";
        }
        if (p.contains("<block end>")) {
            return "this line is indented differently from the lines of the " + (c.contains("sequence")
                    || c.contains("collection") ? "list" : "mapping") + " it belongs to";
        }
        if (p.contains("block sequence entries are not allowed")) {
            return "a '- ' list item where a value was expected (check the indentation)";
        }
        if (p.contains("did not find expected node content")) {
            return "a value was expected here";
        }
        if (p.contains("did not find expected '-' indicator")) {
            return "a line inside a list that is not a '- ' item (check the indentation)";
        }
        if (p.contains("document start")) {
            return "more follows the end of the document";
        }
        if (p.contains("expected alphabetic or numeric character")) {
            return "an anchor or alias name (after & or *) may hold only letters, digits, '-' and '_'";
        }
        if (p.contains("unknown escape")) {
            return "an unknown escape in double-quoted text (write \\\\ for a backslash, or use single quotes)";
        }
        if (p.contains("expected a comment or a line break")) {
            return "something follows a value on its line where only a comment may";
        }
        if (p.contains("tag")) {
            return "a tag (after !) that YAML cannot read here";
        }
        return "this is not where YAML allows what stands here";
    }
}
