package dev.underlay.inventory.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Types a YAML scalar the way PyYAML's safe loader does (YAML 1.1, which Ansible reads): {@code yes}/{@code on} are
 * true, {@code 0755} is octal, {@code 1_000} and {@code 1:20} (base 60) are numbers, a float needs a dot
 * ({@code 1e3} is text), {@code ~} and an empty value are null. Quoted and block scalars are always text, and so are
 * dates (Ansible prints them as written) and values with a tag Underlay does not know ({@code !vault}, {@code !unsafe}).
 */
final class YamlScalars {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CORE = "tag:yaml.org,2002:";
    private static final Pattern BOOL = Pattern.compile(
            "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    private static final Pattern FLOAT = Pattern.compile("[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
    private static final Pattern INT = Pattern.compile("[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

    private YamlScalars() {
    }

    /** A plain {@code <<} with no tag: the merge key. */
    static boolean isMergeKey(ScalarEvent s) {
        return s.isPlain() && s.getTag() == null && "<<".equals(s.getValue());
    }

    static JsonNode value(ScalarEvent s) {
        String v = s.getValue();
        String tag = s.getTag();
        if (tag != null && !tag.equals("!")) {
            return tagged(tag, v);
        }
        if (!s.isPlain() || tag != null) {
            return NODES.textNode(v);
        }
        return plain(v);
    }

    /** An untagged plain scalar, resolved by the YAML 1.1 patterns in PyYAML's order (bool, float, int, null). */
    static JsonNode plain(String v) {
        if (v.isEmpty() || NULL.matcher(v).matches()) {
            return NODES.nullNode();
        }
        char c = v.charAt(0);
        if ((c == 'y' || c == 'Y' || c == 'n' || c == 'N' || c == 't' || c == 'T' || c == 'f' || c == 'F'
                || c == 'o' || c == 'O') && BOOL.matcher(v).matches()) {
            return NODES.booleanNode(bool(v));
        }
        if ((c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.')) {
            if (FLOAT.matcher(v).matches()) {
                return floating(v);
            }
            if (INT.matcher(v).matches()) {
                return integer(v);
            }
        }
        return NODES.textNode(v);
    }

    private static JsonNode tagged(String tag, String v) {
        return switch (tag.startsWith(CORE) ? tag.substring(CORE.length()) : tag) {
            case "null" -> NODES.nullNode();
            case "bool" -> BOOL.matcher(v).matches() ? NODES.booleanNode(bool(v)) : NODES.textNode(v);
            case "int" -> INT.matcher(v).matches() ? integer(v) : NODES.textNode(v);
            case "float" -> FLOAT.matcher(v).matches() ? floating(v)
                    : INT.matcher(v).matches() ? NODES.numberNode(integerValue(v).doubleValue()) : NODES.textNode(v);
            default -> NODES.textNode(v); // str, timestamp, binary, and Ansible's !vault and !unsafe
        };
    }

    private static boolean bool(String v) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.equals("yes") || l.equals("true") || l.equals("on");
    }

    private static JsonNode integer(String v) {
        BigInteger b = integerValue(v);
        if (b.bitLength() < 32) {
            return NODES.numberNode(b.intValue());
        }
        return b.bitLength() < 64 ? NODES.numberNode(b.longValue()) : NODES.numberNode(b);
    }

    private static BigInteger integerValue(String text) {
        String v = text.replace("_", "");
        boolean negative = v.startsWith("-");
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        BigInteger b;
        if (v.equals("0")) {
            b = BigInteger.ZERO;
        } else if (v.startsWith("0b")) {
            b = new BigInteger(v.substring(2), 2);
        } else if (v.startsWith("0x")) {
            b = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0")) {
            b = new BigInteger(v.substring(1), 8);
        } else if (v.contains(":")) {
            b = BigInteger.ZERO;
            for (String digit : v.split(":")) {
                b = b.multiply(BigInteger.valueOf(60)).add(new BigInteger(digit));
            }
        } else {
            b = new BigInteger(v);
        }
        return negative ? b.negate() : b;
    }

    /** Infinity and NaN stay text: JSON, where params are kept, has no such numbers. */
    private static JsonNode floating(String text) {
        String v = text.replace("_", "").toLowerCase(Locale.ROOT);
        if (v.contains("inf") || v.contains("nan")) {
            return NODES.textNode(text);
        }
        boolean negative = v.startsWith("-");
        if (v.startsWith("-") || v.startsWith("+")) {
            v = v.substring(1);
        }
        double d;
        if (v.contains(":")) {
            String[] parts = v.split(":");
            d = 0;
            for (int i = 0; i < parts.length; i++) {
                d = d * 60 + Double.parseDouble(parts[i]);
            }
        } else {
            d = Double.parseDouble(v);
        }
        return NODES.numberNode(negative ? -d : d);
    }

    /** "a list", "a mapping" or "the value 'x'", for messages. */
    static String kind(JsonNode n) {
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "a mapping";
        }
        return "the value '" + n.asText() + "'";
    }
}
