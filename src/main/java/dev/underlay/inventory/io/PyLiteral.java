package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an INI inventory value as Ansible does: as a Python literal ({@code ast.literal_eval}) when it is one
 * ({@code 42}, {@code 1_000}, {@code 0x1F}, {@code 1.5}, {@code True}, {@code None}, {@code 'text'}, {@code [1, 'a']},
 * {@code {'k': 1}}, {@code (1, 2)}), else as the text itself ({@code yes}, {@code true}, {@code 0755},
 * {@code 10.0.0.1}). A Python comment after a literal is ignored, as Python ignores it.
 */
final class PyLiteral {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 100;
    private static final String DIGITS = "[0-9](_?[0-9])*";
    /** 0x1F, 0o17, 0b101 (the digits are checked against the base when parsed). */
    private static final Pattern BASED = Pattern.compile("0[xXoObB]((?:_?[0-9a-fA-F])+)");
    private static final Pattern DECIMAL = Pattern.compile("[1-9](_?[0-9])*|0(_?0)*");
    private static final Pattern FLOAT = Pattern.compile("(" + DIGITS + ")?\\.(" + DIGITS + ")?([eE][-+]?" + DIGITS
            + ")?|" + DIGITS + "[eE][-+]?" + DIGITS);
    /** A number so far that ends in an exponent's e, where a sign may follow (not in hex, where e is a digit). */
    private static final Pattern EXPONENT = Pattern.compile("[0-9._]*[eE]");

    /** Not a literal: the caller keeps the text. */
    private static final class NotLiteral extends Exception {
        private static final long serialVersionUID = 1L;

        NotLiteral() {
            super(null, null, false, false);
        }
    }

    private static final NotLiteral NOT = new NotLiteral();

    private final String s;
    private int i;

    private PyLiteral(String s) {
        this.s = s;
    }

    /** The value of {@code text} as Ansible's INI plugin reads it. */
    static JsonNode value(String text) {
        if (text.isEmpty()) {
            return NODES.textNode("");
        }
        char c = text.charAt(0);
        if (c >= '1' && c <= '9' && text.length() <= 9 && text.chars().allMatch(d -> d >= '0' && d <= '9')) {
            return NODES.numberNode(Integer.parseInt(text)); // a plain number, the other common case
        }
        // the fast path for what most values are: a word or a name that starts with a letter is no literal
        if (Character.isLetter(c) && c != 'T' && c != 'F' && c != 'N' && "rRbBuU".indexOf(c) < 0) {
            return NODES.textNode(text);
        }
        try {
            PyLiteral p = new PyLiteral(text);
            JsonNode v = p.expr(0);
            p.space();
            if (p.i < p.s.length()) {
                return NODES.textNode(text);
            }
            return v;
        } catch (NotLiteral e) {
            return NODES.textNode(text);
        }
    }

    private void space() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f') {
                i++;
            } else if (c == '#') {
                i = s.length();
            } else {
                return;
            }
        }
    }

    private boolean eat(char c) {
        space();
        if (i < s.length() && s.charAt(i) == c) {
            i++;
            return true;
        }
        return false;
    }

    private JsonNode expr(int depth) throws NotLiteral {
        if (depth > MAX_DEPTH) {
            throw NOT;
        }
        space();
        if (i >= s.length()) {
            throw NOT;
        }
        char c = s.charAt(i);
        if (c == '-' || c == '+') {
            i++;
            space();
            JsonNode n = groupedNumber(depth);
            if (c == '+') {
                return n;
            }
            if (n.isBigInteger() || n.isInt() || n.isLong()) {
                return integer(n.bigIntegerValue().negate());
            }
            return NODES.numberNode(-n.doubleValue());
        }
        if (c == '[') {
            i++;
            return items(']', depth, NODES.arrayNode());
        }
        if (c == '(') {
            i++;
            return tuple(depth);
        }
        if (c == '{') {
            i++;
            return dict(depth);
        }
        if (c >= '0' && c <= '9' || c == '.') {
            return number();
        }
        if (c == '\'' || c == '"' || Character.isLetter(c)) {
            return wordOrString();
        }
        throw NOT;
    }

    /** After a sign only a number may follow, perhaps in parentheses. */
    private JsonNode groupedNumber(int depth) throws NotLiteral {
        if (eat('(')) {
            JsonNode n = groupedNumber(depth + 1);
            if (!eat(')')) {
                throw NOT;
            }
            return n;
        }
        space();
        if (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            return number();
        }
        throw NOT;
    }

    private ArrayNode items(char close, int depth, ArrayNode out) throws NotLiteral {
        while (!eat(close)) {
            out.add(expr(depth + 1));
            if (!eat(',')) {
                if (!eat(close)) {
                    throw NOT;
                }
                return out;
            }
        }
        return out;
    }

    private JsonNode tuple(int depth) throws NotLiteral {
        if (eat(')')) {
            return NODES.arrayNode();
        }
        JsonNode first = expr(depth + 1);
        if (eat(')')) {
            return first; // (x) is x
        }
        if (!eat(',')) {
            throw NOT;
        }
        ArrayNode a = NODES.arrayNode();
        a.add(first);
        return items(')', depth, a);
    }

    private JsonNode dict(int depth) throws NotLiteral {
        if (eat('}')) {
            return NODES.objectNode();
        }
        JsonNode firstKey = expr(depth + 1);
        if (!eat(':')) {
            // a set: Ansible's JSON has no sets; a list is the nearest
            ArrayNode a = NODES.arrayNode();
            a.add(firstKey);
            if (!eat(',')) {
                if (!eat('}')) {
                    throw NOT;
                }
                return a;
            }
            return items('}', depth, a);
        }
        ObjectNode o = NODES.objectNode();
        o.set(key(firstKey), expr(depth + 1));
        while (eat(',')) {
            if (eat('}')) {
                return o;
            }
            JsonNode k = expr(depth + 1);
            if (!eat(':')) {
                throw NOT;
            }
            o.set(key(k), expr(depth + 1));
        }
        if (!eat('}')) {
            throw NOT;
        }
        return o;
    }

    /** JSON object keys are text: numbers, booleans and None as Python's json module writes them. */
    private static String key(JsonNode k) throws NotLiteral {
        if (k.isContainerNode()) {
            throw NOT;
        }
        return k.isNull() ? "null" : k.asText();
    }

    /** True, False, None, or a string with its prefix (r, b, u, rb): nothing else that starts with a letter. */
    private JsonNode wordOrString() throws NotLiteral {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        String word = s.substring(start, i);
        boolean quote = i < s.length() && (s.charAt(i) == '\'' || s.charAt(i) == '"');
        if (quote && word.length() <= 2 && word.chars().allMatch(ch -> "rRbBuU".indexOf(ch) >= 0)) {
            i = start;
            return strings();
        }
        return switch (quote ? "" : word) {
            case "True" -> NODES.booleanNode(true);
            case "False" -> NODES.booleanNode(false);
            case "None" -> NODES.nullNode();
            default -> throw NOT;
        };
    }

    /** One or more adjacent string literals, joined as Python joins them. */
    private JsonNode strings() throws NotLiteral {
        StringBuilder out = new StringBuilder();
        boolean any = false;
        while (true) {
            space();
            int start = i;
            boolean raw = false;
            while (i < s.length() && "rRbBuU".indexOf(s.charAt(i)) >= 0 && i - start < 2) {
                raw |= s.charAt(i) == 'r' || s.charAt(i) == 'R';
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '\'' && s.charAt(i) != '"') {
                i = start;
                break;
            }
            string(raw, out);
            any = true;
        }
        if (!any) {
            throw NOT;
        }
        return NODES.textNode(out.toString());
    }

    private void string(boolean raw, StringBuilder out) throws NotLiteral {
        char q = s.charAt(i);
        boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
        i += triple ? 3 : 1;
        while (true) {
            if (i >= s.length()) {
                throw NOT;
            }
            char c = s.charAt(i);
            if (c == q && (!triple || s.startsWith(String.valueOf(q).repeat(3), i))) {
                i += triple ? 3 : 1;
                return;
            }
            if (c == '\\' && i + 1 < s.length()) {
                if (raw) {
                    out.append(c).append(s.charAt(i + 1));
                    i += 2;
                } else {
                    escape(out);
                }
                continue;
            }
            out.append(c);
            i++;
        }
    }

    private void escape(StringBuilder out) throws NotLiteral {
        char e = s.charAt(i + 1);
        i += 2;
        switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case '\\', '\'', '"' -> out.append(e);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case 'x' -> out.appendCodePoint(hex(2));
            case 'u' -> out.appendCodePoint(hex(4));
            case 'U' -> out.appendCodePoint(hex(8));
            default -> {
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                        v = v * 8 + s.charAt(i++) - '0';
                    }
                    out.append((char) v);
                } else if (e == 'N') {
                    throw NOT; // named characters: not worth a table here
                } else {
                    out.append('\\').append(e); // Python keeps an unknown escape as written
                }
            }
        }
    }

    private int hex(int digits) throws NotLiteral {
        if (i + digits > s.length()) {
            throw NOT;
        }
        try {
            int v = Integer.parseInt(s.substring(i, i + digits), 16);
            i += digits;
            if (v > 0x10FFFF) {
                throw NOT;
            }
            return v;
        } catch (NumberFormatException e) {
            throw NOT;
        }
    }

    /** Python's number syntax: 42, 1_000, 0x1F, 0o17, 0b101, 1.5, .5, 5., 1e3; a leading zero (0755) is not. */
    private JsonNode number() throws NotLiteral {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'
                || (s.charAt(i) == '+' || s.charAt(i) == '-') && EXPONENT.matcher(s.substring(start, i)).matches())) {
            i++;
        }
        String t = s.substring(start, i);
        Matcher based = BASED.matcher(t);
        if (based.matches()) {
            char base = Character.toLowerCase(t.charAt(1));
            try {
                return integer(new BigInteger(based.group(1).replace("_", ""), base == 'x' ? 16 : base == 'o' ? 8 : 2));
            } catch (NumberFormatException e) {
                throw NOT;
            }
        }
        if (DECIMAL.matcher(t).matches()) {
            return integer(new BigInteger(t.replace("_", "")));
        }
        if (FLOAT.matcher(t).matches() && !t.equals(".") && !t.startsWith(".e") && !t.startsWith(".E")) {
            return NODES.numberNode(Double.parseDouble(t.replace("_", "")));
        }
        throw NOT;
    }

    private static JsonNode integer(BigInteger b) {
        if (b.bitLength() < 32) {
            return NODES.numberNode(b.intValue());
        }
        return b.bitLength() < 64 ? NODES.numberNode(b.longValue()) : NODES.numberNode(b);
    }
}
