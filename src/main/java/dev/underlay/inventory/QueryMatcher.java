package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case-insensitive match of one query value: exact, glob ({@code *}, {@code ?}) or, for free text, substring.
 * A field's value is a list ({@code rack:fra1-r01,fra1-r02}) whose parts may be node sets
 * ({@code name:fra1-k8s-w[01-12,15]}), each standing for the names it expands to.
 */
final class QueryMatcher {
    private final String[] exact;
    /** Per exact value: it has no letter with a case ("10.1."), so a plain search finds it. */
    private final boolean[] caseless;
    private final Pattern[] globs;
    private final boolean substring;

    private QueryMatcher(String[] exact, Pattern[] globs, boolean substring) {
        this.exact = exact;
        this.caseless = new boolean[exact.length];
        for (int i = 0; i < exact.length; i++) {
            caseless[i] = exact[i].equals(exact[i].toUpperCase(Locale.ROOT));
        }
        this.globs = globs;
        this.substring = substring;
    }

    /** Free text: one value, matched as a substring. */
    static QueryMatcher substring(String value) {
        return build(List.of(value), true);
    }

    /** A field's value: comma-separated exact values, globs and node sets. */
    static QueryMatcher values(String value) {
        return build(expand(value), false);
    }

    /** The parts of a field's value, node sets expanded, in the case written. */
    static List<String> expand(String value) {
        List<String> out = new ArrayList<>();
        for (String part : NodeSet.splitTopLevel(value, ',', value)) {
            if (part.indexOf('[') >= 0 || part.indexOf(']') >= 0) {
                out.addAll(NodeSet.expand(part));
            } else if (!part.isEmpty()) {
                out.add(part);
            }
        }
        if (out.size() > NodeSet.MAX_NAMES) {
            throw new QueryException("'" + value + "' names more than " + NodeSet.MAX_NAMES + " values");
        }
        return out;
    }

    static boolean isGlob(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    private static QueryMatcher build(List<String> parts, boolean substring) {
        List<String> ex = new ArrayList<>();
        List<Pattern> gl = new ArrayList<>();
        for (String p : parts) {
            String lp = p.toLowerCase(Locale.ROOT);
            if (isGlob(lp)) {
                gl.add(Pattern.compile(globToRegex(lp), Pattern.CASE_INSENSITIVE));
            } else if (!lp.isEmpty()) {
                ex.add(lp);
            }
        }
        return new QueryMatcher(ex.toArray(String[]::new), gl.toArray(Pattern[]::new), substring);
    }

    boolean test(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < exact.length; i++) {
            if (substring ? (caseless[i] ? s.contains(exact[i]) : containsIgnoreCase(s, exact[i]))
                    : s.equalsIgnoreCase(exact[i])) {
                return true;
            }
        }
        for (Pattern g : globs) {
            if (g.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String s, String lowerNeedle) {
        int n = lowerNeedle.length();
        // test the first character as regionMatches would, before comparing the region: most positions fail
        char first = lowerNeedle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        for (int i = 0, last = s.length() - n; i <= last; i++) {
            char c = s.charAt(i);
            if ((c == first || Character.toUpperCase(c) == firstUpper || Character.toLowerCase(c) == first)
                    && s.regionMatches(true, i, lowerNeedle, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
