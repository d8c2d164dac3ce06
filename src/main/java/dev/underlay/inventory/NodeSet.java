package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Host lists as ClusterShell's {@code nodeset} and pdsh's {@code -w} write them: {@code fra1-k8s-w[01-12,15]},
 * {@code db[1-3],web01}, {@code rack[1-2]-node[01-04]} (every combination), {@code n[0-10/2]} (a step).
 * <p>
 * {@link #expand} turns such text into names, in the order written, each once; {@link #fold} does the reverse for
 * summaries ({@code fra1-gpu03, fra1-gpu04} becomes {@code fra1-gpu[03-04]}). A range keeps the zero padding of
 * its first bound ({@code 01-12} gives {@code 01 ... 12}), as ClusterShell does. A node set may name at most
 * {@link #MAX_NAMES} hosts, so a typo such as {@code n[1-999999999]} is refused before anything is built.
 */
public final class NodeSet {
    /** The most names one node set may expand to. */
    public static final int MAX_NAMES = 100_000;

    private NodeSet() {
    }

    /** True when the text uses node set syntax (brackets or a comma), so it means names and not free text. */
    public static boolean looksLikeNodeSet(String text) {
        return text.indexOf('[') >= 0 || text.indexOf(',') >= 0;
    }

    /**
     * The names the text stands for, in order and without repeats.
     *
     * @throws QueryException naming the part at fault: an unclosed bracket, a range that counts down, a bound
     *     that is not a number, or more than {@link #MAX_NAMES} names
     */
    public static List<String> expand(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String element : splitTopLevel(text, ',', text)) {
            if (element.isEmpty()) {
                throw new QueryException("empty name in node set '" + text + "' (two commas, or one at an end)");
            }
            List<String> names = List.of("");
            int i = 0;
            while (i < element.length()) {
                int open = element.indexOf('[', i);
                int close = element.indexOf(']', i);
                if (close >= 0 && (open < 0 || close < open)) {
                    throw new QueryException("']' without '[' in node set '" + text + "'");
                }
                String literal = open < 0 ? element.substring(i) : element.substring(i, open);
                names = product(names, List.of(literal), text);
                if (open < 0) {
                    break;
                }
                if (close < 0) {
                    throw new QueryException("'[' is never closed in node set '" + text + "'");
                }
                String inside = element.substring(open + 1, close);
                if (inside.indexOf('[') >= 0) {
                    throw new QueryException("brackets inside brackets in node set '" + text + "'");
                }
                names = product(names, ranges(inside, text), text);
                i = close + 1;
            }
            out.addAll(names);
            if (out.size() > MAX_NAMES) {
                throw tooMany(text);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Folds names into the shortest node set text: names that differ only in their last number share brackets,
     * consecutive numbers become ranges. Groups come in name order, numbers in numeric order; a name without a
     * number stays as it is. {@code expand(fold(names))} gives back the same set of names.
     */
    public static String fold(Collection<String> names) {
        return String.join(",", foldParts(names));
    }

    /** {@link #fold} as its comma-separated parts ({@code db[1-3]}, {@code web01}), for lists cut short. */
    public static List<String> foldParts(Collection<String> names) {
        Map<String, Map<String, List<String>>> byPrefix = new TreeMap<>();
        Set<String> plain = new LinkedHashSet<>();
        for (String name : new LinkedHashSet<>(names)) {
            int end = name.length();
            while (end > 0 && !Character.isDigit(name.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0 && Character.isDigit(name.charAt(start - 1))) {
                start--;
            }
            if (start == end || end - start > 18 || name.indexOf(',') >= 0 || name.indexOf('[') >= 0) {
                plain.add(name);
                continue;
            }
            byPrefix.computeIfAbsent(name.substring(0, start), k -> new TreeMap<>())
                    .computeIfAbsent(name.substring(end), k -> new ArrayList<>())
                    .add(name.substring(start, end));
        }
        List<String> parts = new ArrayList<>(plain);
        byPrefix.forEach((prefix, bySuffix) -> bySuffix.forEach((suffix, numbers) -> {
            List<String> ranges = foldNumbers(numbers);
            boolean single = ranges.size() == 1 && ranges.get(0).indexOf('-') < 0;
            parts.add(single ? prefix + ranges.get(0) + suffix
                    : prefix + "[" + String.join(",", ranges) + "]" + suffix);
        }));
        parts.sort(Comparator.naturalOrder());
        return parts;
    }

    /** Digit strings (as written) to ranges such as {@code 01-04}, {@code 9-11}, {@code 15}. */
    private static List<String> foldNumbers(List<String> numbers) {
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(numbers));
        sorted.sort(Comparator.comparingLong((String d) -> Long.parseLong(d)).thenComparingInt(String::length));
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            String first = sorted.get(i);
            int width = padded(first) ? first.length() : 0;
            long last = Long.parseLong(first);
            int j = i + 1;
            while (j < sorted.size() && Long.parseLong(sorted.get(j)) == last + 1
                    && sorted.get(j).equals(format(last + 1, width))) {
                last++;
                j++;
            }
            out.add(j - i == 1 ? first : first + "-" + sorted.get(j - 1));
            i = j;
        }
        return out;
    }

    private static List<String> ranges(String inside, String text) {
        List<String> out = new ArrayList<>();
        for (String r : inside.split(",", -1)) {
            String range = r.strip();
            String body = range;
            long step = 1;
            int slash = range.indexOf('/');
            if (slash >= 0) {
                body = range.substring(0, slash);
                step = number(range.substring(slash + 1), text);
                if (step < 1) {
                    throw new QueryException("step " + step + " in node set '" + text + "' must be at least 1");
                }
            }
            int dash = body.indexOf('-');
            String lo = dash < 0 ? body : body.substring(0, dash);
            String hi = dash < 0 ? body : body.substring(dash + 1);
            long from = number(lo, text);
            long to = number(hi, text);
            if (to < from) {
                throw new QueryException("range " + range + " in node set '" + text + "' counts down; write "
                        + hi + "-" + lo);
            }
            if ((to - from) / step + 1 + out.size() > MAX_NAMES) {
                throw tooMany(text);
            }
            int width = padded(lo) ? lo.length() : 0;
            for (long n = from; n <= to; n += step) {
                out.add(format(n, width));
            }
        }
        return out;
    }

    private static long number(String s, String text) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new QueryException("'" + s + "' in node set '" + text + "' is not a number (ranges are "
                    + "written [01-12,15])");
        }
        return Long.parseLong(s);
    }

    private static boolean padded(String digits) {
        return digits.length() > 1 && digits.charAt(0) == '0';
    }

    private static String format(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static List<String> product(List<String> heads, List<String> tails, String text) {
        if ((long) heads.size() * tails.size() > MAX_NAMES) {
            throw tooMany(text);
        }
        List<String> out = new ArrayList<>(heads.size() * tails.size());
        for (String h : heads) {
            for (String t : tails) {
                out.add(h + t);
            }
        }
        return out;
    }

    /** Splits at {@code sep} outside brackets. */
    static List<String> splitTopLevel(String s, char sep, String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == sep && depth == 0) {
                out.add(s.substring(from, i).strip());
                from = i + 1;
            }
        }
        out.add(s.substring(from).strip());
        return out;
    }

    private static QueryException tooMany(String text) {
        return new QueryException("node set '" + text + "' names more than " + MAX_NAMES + " hosts");
    }
}
