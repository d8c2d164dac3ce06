package dev.underlay.automation.jobs.log;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The lines a {@link LogFilter} lets through, as rows: with no filter a row is the line itself (nothing stored),
 * otherwise the indices of the matching lines in int pages (4 bytes a shown line). Appends keep it current;
 * a new filter is applied in one pass over the lines' source ids. Sources are tested once each (a bit set).
 */
public final class FilteredLines {
    private static final int BITS = 14;
    private static final int PAGE = 1 << BITS;
    private final LineStore store;
    private final LogSources sources;
    private LogFilter filter = LogFilter.ALL;
    private int[][] rows = new int[16][];
    private volatile int size;
    private int seen; // lines of the store looked at
    private final BitSet tested = new BitSet();
    private final BitSet passes = new BitSet();

    public FilteredLines(LineStore store, LogSources sources) {
        this.store = store;
        this.sources = sources;
    }

    public LogFilter filter() {
        return filter;
    }

    /** Rows shown. */
    public int size() {
        return filter.isAll() ? store.size() : size;
    }

    /** The line shown at {@code row}. */
    public int line(int row) {
        return filter.isAll() ? row : rows[row >>> BITS][row & (PAGE - 1)];
    }

    /** The row showing {@code line}, or -1 if the filter hides it (binary search: rows are in line order). */
    public int rowOf(int line) {
        if (filter.isAll()) {
            return line < store.size() ? line : -1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int l = line(mid);
            if (l < line) {
                lo = mid + 1;
            } else if (l > line) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Applies a new filter to every line. */
    public void set(LogFilter f) {
        filter = f;
        tested.clear();
        passes.clear();
        rows = new int[16][];
        size = 0;
        seen = 0;
        catchUp();
    }

    /** Takes in the lines appended since the last call; returns the rows added. */
    public int catchUp() {
        int end = store.size();
        int before = size();
        if (!filter.isAll()) {
            for (int i = seen; i < end; i++) {
                if (passes(store.source(i))) {
                    add(i);
                }
            }
        }
        seen = end;
        return size() - before;
    }

    private void add(int line) {
        int n = size;
        int page = n >>> BITS;
        if (page == rows.length) {
            rows = Arrays.copyOf(rows, page * 2);
        }
        if (rows[page] == null) {
            rows[page] = new int[PAGE];
        }
        rows[page][n & (PAGE - 1)] = line;
        size = n + 1;
    }

    /** Whether the current filter shows lines of this source. */
    public boolean passes(int source) {
        if (!tested.get(source)) {
            tested.set(source);
            if (test(filter, sources, source)) {
                passes.set(source);
            }
        }
        return passes.get(source);
    }

    /** Whether {@code f} shows lines of this source. */
    public static boolean test(LogFilter f, LogSources sources, int source) {
        return f.streams().contains(sources.streamOf(source))
                && (f.step() == null || f.step() == sources.stepOf(source))
                && (f.hosts() == null || f.hosts().contains(sources.hostName(sources.hostOf(source))));
    }
}
