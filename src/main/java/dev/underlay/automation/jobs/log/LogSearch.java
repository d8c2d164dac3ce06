package dev.underlay.automation.jobs.log;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Search over the rows shown: the next or previous row whose text contains the query (ASCII letters ignore
 * case), from a given row, wrapping around once; and where a query occurs in a line, for highlighting.
 */
public final class LogSearch {
    private LogSearch() {
    }

    /** The needle {@link LineStore#contains} expects: UTF-8, ASCII letters in lower case. */
    public static byte[] needle(String query) {
        byte[] b = query.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] >= 'A' && b[i] <= 'Z') {
                b[i] += 32;
            }
        }
        return b;
    }

    /**
     * The first row after {@code from} (forward) or before it (backward) that matches, wrapping once; -1 if none.
     * {@code from} may be -1 (forward: start at row 0) or the row count (backward: start at the last row).
     */
    public static int find(FilteredLines rows, LineStore store, String query, int from, boolean forward) {
        int n = rows.size();
        if (query.isEmpty() || n == 0) {
            return -1;
        }
        byte[] needle = needle(query);
        for (int k = 1; k <= n; k++) { // bounded: every row once
            int r = Math.floorMod(forward ? from + k : from - k, n);
            if (store.contains(rows.line(r), needle)) {
                return r;
            }
        }
        return -1;
    }

    /** How many rows match (a full pass; a worker's job at a million rows). */
    public static int count(FilteredLines rows, LineStore store, String query, int upTo) {
        if (query.isEmpty()) {
            return 0;
        }
        byte[] needle = needle(query);
        int c = 0;
        int n = Math.min(upTo, rows.size());
        for (int r = 0; r < n; r++) {
            if (store.contains(rows.line(r), needle)) {
                c++;
            }
        }
        return c;
    }

    /** Where {@code query} occurs in {@code text}: [start0, end0, start1, end1, ...]; ASCII letters ignore case. */
    public static int[] ranges(String text, String query) {
        if (query.isEmpty()) {
            return new int[0];
        }
        String t = asciiLower(text);
        String q = asciiLower(query);
        int[] out = new int[8];
        int n = 0;
        int at = t.indexOf(q);
        while (at >= 0 && n < 512) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = at;
            out[n++] = at + q.length();
            at = t.indexOf(q, at + q.length());
        }
        return Arrays.copyOf(out, n);
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
