package dev.underlay.inventory.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a JSON text in a technician's words. Jackson's own message names its tokens and
 * internals ("was expecting double-quote to start field name", "(code 125)"); it is read here to pick the
 * sentence, and never shown.
 */
final class JsonSyntax {
    private static final Pattern FOUND = Pattern.compile("Unexpected character \\('(.*?)' \\(code (\\d+)\\)\\)");
    private static final Pattern TOKEN = Pattern.compile("Unrecognized token '(.*?)'");
    private static final Pattern START = Pattern.compile("start marker at .*?line: (\\d+)");
    private static final Pattern ESCAPE = Pattern.compile("Unrecognized character escape '(.*?)'");
    private static final Pattern CLOSE = Pattern.compile("Unexpected close marker '(.)'");

    private JsonSyntax() {
    }

    /** The line of the problem (1-based; 1 when Jackson gives none). */
    static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    /** One sentence, with the column when Jackson knows it; starts with "not valid JSON". */
    static String describe(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
        return "not valid JSON" + (col > 0 ? " at column " + col : "") + ": " + what(m);
    }

    private static String what(String m) {
        Matcher start = START.matcher(m);
        String opened = start.find() ? " opened on line " + start.group(1) : "";
        if (m.contains("end-of-input")) {
            if (m.contains("close marker for Object")) {
                return "the file ends inside the object" + opened + " (a '}' is missing)";
            }
            if (m.contains("close marker for Array")) {
                return "the file ends inside the list" + opened + " (a ']' is missing)";
            }
            if (m.contains("String") || m.contains("field name")) {
                return "the file ends inside quoted text (a closing '\"' is missing)";
            }
            return "the file ends before the value is complete";
        }
        Matcher found = FOUND.matcher(m);
        if (found.find()) {
            String c = shown(found.group(1), Integer.parseInt(found.group(2)));
            String afterComma = c.equals("'}'") || c.equals("']'") ? " (is there a ',' just before it?)" : "";
            if (m.contains("double-quote to start field name")) {
                return "expected a field name in double quotes, found " + c + afterComma;
            }
            if (m.contains("comma to separate Object entries")) {
                return "expected ',' or '}' after a field's value, found " + c;
            }
            if (m.contains("comma to separate Array entries")) {
                return "expected ',' or ']' after an item of a list, found " + c;
            }
            if (m.contains("colon to separate field name and value")) {
                return "expected ':' after the field name, found " + c;
            }
            if (m.contains("expected a valid value") || m.contains("expected a value")) {
                return "expected a value (text in double quotes, a number, true, false, null, a list or an object), "
                        + "found " + c + afterComma;
            }
            return "unexpected " + c;
        }
        Matcher token = TOKEN.matcher(m);
        if (token.find()) {
            return "'" + shorten(token.group(1)) + "' is not a JSON value (text needs double quotes; true, false "
                    + "and null are lower case)";
        }
        Matcher close = CLOSE.matcher(m);
        if (close.find()) {
            return "'" + close.group(1) + "' does not match the bracket it should close";
        }
        if (m.contains("Illegal unquoted character")) {
            return "a line break, tab or other control character inside quoted text (write it as \\n or \\t)";
        }
        Matcher escape = ESCAPE.matcher(m);
        if (escape.find()) {
            return "unknown escape '\\" + escape.group(1) + "' in quoted text (known: \\\" \\\\ \\/ \\b \\f \\n \\r \\t "
                    + "\\uXXXX)";
        }
        if (m.contains("Leading zero") || m.contains("leading zero")) {
            return "a number has a leading zero (write 8, not 08, or put it in double quotes)";
        }
        if (m.contains("Non-standard token") || m.contains("NaN") || m.contains("Infinity")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (m.contains("Invalid numeric value") || m.contains("Numeric value")) {
            return "a number that JSON cannot hold";
        }
        if (m.contains("exceeds the maximum") || m.contains("nesting depth")) {
            return "more deeply nested or longer than an inventory can be";
        }
        return "this is not where JSON allows what stands here";
    }

    private static String shown(String ch, int code) {
        if (code < 0x20 || code == 0x7F) {
            return code == 10 || code == 13 ? "the end of the line" : "a control character (code " + code + ")";
        }
        return "'" + ch + "'";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
