package dev.underlay.automation.jobs.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Every line of a job's log, kept compactly: per line one source id ({@link LogSources}), the time as milliseconds
 * since the first line, where its text lies and where its style runs lie (20 bytes), and the text itself, without
 * escapes, as UTF-8 in 256 KiB pages. No object per line. One thread appends; a line below {@link #size()} may be
 * read from any thread (pages never move once written; {@code size} is published last).
 */
public final class LineStore {
    /** Longer lines are cut here (the rest is counted in a marker), so that one line never spans pages. */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    private static final int LINE_BITS = 14;
    private static final int LINES_PER_PAGE = 1 << LINE_BITS;
    /** Where a line's text lies: its length in the low 20 bits, its offset in the page in the 20 above, the page
     * above bit 40. */
    private static final int TEXT_BITS = 20;
    /** Under half of G1's smallest region (1 MiB): a larger array is "humongous" and takes whole regions, and a
     * page of 1 MiB plus its header took two, doubling the text's heap (decision 0037). */
    private static final int TEXT_PAGE = 1 << 18;
    private static final int RUN_PAGE = 1 << 16;

    private int[][] source = new int[16][];
    private int[][] millis = new int[16][];
    private long[][] where = new long[16][];
    private int[][] styleAt = new int[16][];
    private byte[][] text = new byte[16][];
    private int textPage = -1;
    private int textUsed = TEXT_PAGE;
    private int[][] runs = new int[4][];
    private int runPage = -1;
    private int runUsed = RUN_PAGE;
    private long base = Long.MIN_VALUE;
    private long bytes;
    private volatile int size;

    public int size() {
        return size;
    }

    /** Text bytes held (UTF-8, escapes removed). */
    public long textBytes() {
        return bytes;
    }

    /** Appends a line; returns its index. */
    public int append(int sourceId, Instant at, Ansi.Styled styled) {
        int i = size;
        int page = i >>> LINE_BITS;
        if (page == source.length) {
            int n = page * 2;
            source = Arrays.copyOf(source, n);
            millis = Arrays.copyOf(millis, n);
            where = Arrays.copyOf(where, n);
            styleAt = Arrays.copyOf(styleAt, n);
        }
        if (source[page] == null) {
            source[page] = new int[LINES_PER_PAGE];
            millis[page] = new int[LINES_PER_PAGE];
            where[page] = new long[LINES_PER_PAGE];
            styleAt[page] = new int[LINES_PER_PAGE];
        }
        int slot = i & (LINES_PER_PAGE - 1);
        long ms = at.toEpochMilli();
        if (base == Long.MIN_VALUE) {
            base = ms;
        }
        source[page][slot] = sourceId;
        millis[page][slot] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, ms - base));
        where[page][slot] = putText(styled.text());
        styleAt[page][slot] = styled.runs() == null ? -1 : putRuns(styled.runs());
        size = i + 1;
        return i;
    }

    private long putText(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > MAX_LINE_BYTES) {
            String cut = new String(b, 0, MAX_LINE_BYTES - 64, StandardCharsets.UTF_8);
            cut = cut.substring(0, Math.max(0, cut.length() - 1)); // a character cut in half is dropped
            int kept = cut.getBytes(StandardCharsets.UTF_8).length;
            b = (cut + " ... (" + (b.length - kept) + " more bytes)").getBytes(StandardCharsets.UTF_8);
        }
        if (textUsed + b.length > TEXT_PAGE) {
            textPage++;
            if (textPage == text.length) {
                text = Arrays.copyOf(text, textPage * 2);
            }
            text[textPage] = new byte[TEXT_PAGE];
            textUsed = 0;
        }
        System.arraycopy(b, 0, text[textPage], textUsed, b.length);
        long w = ((long) textPage << 40) | ((long) textUsed << TEXT_BITS) | b.length;
        textUsed += b.length;
        bytes += b.length;
        return w;
    }

    private int putRuns(int[] r) {
        int need = r.length + 1;
        if (runUsed + need > RUN_PAGE) {
            runPage++;
            if (runPage == runs.length) {
                runs = Arrays.copyOf(runs, runPage * 2);
            }
            runs[runPage] = new int[RUN_PAGE];
            runUsed = 0;
        }
        int at = runUsed;
        runs[runPage][at] = r.length;
        System.arraycopy(r, 0, runs[runPage], at + 1, r.length);
        runUsed += need;
        return (runPage << 16) | at;
    }

    public int source(int line) {
        return source[line >>> LINE_BITS][line & (LINES_PER_PAGE - 1)];
    }

    public Instant at(int line) {
        return Instant.ofEpochMilli(base + millis[line >>> LINE_BITS][line & (LINES_PER_PAGE - 1)]);
    }

    public String text(int line) {
        long w = where[line >>> LINE_BITS][line & (LINES_PER_PAGE - 1)];
        return new String(text[(int) (w >>> 40)], (int) (w >>> TEXT_BITS) & (TEXT_PAGE - 1),
                (int) (w & (TEXT_PAGE - 1)), StandardCharsets.UTF_8);
    }

    /** The style runs of a line ([start, style, ...] over {@link #text}), or null if it is plain. */
    public int[] runs(int line) {
        int p = styleAt[line >>> LINE_BITS][line & (LINES_PER_PAGE - 1)];
        if (p < 0) {
            return null;
        }
        int[] page = runs[p >>> 16];
        int at = p & 0xffff;
        return Arrays.copyOfRange(page, at + 1, at + 1 + page[at]);
    }

    /**
     * Whether the line's text contains {@code needle} (UTF-8 bytes; ASCII letters of the needle given in lower case
     * match either case), read in place without decoding.
     */
    public boolean contains(int line, byte[] needle) {
        long w = where[line >>> LINE_BITS][line & (LINES_PER_PAGE - 1)];
        byte[] page = text[(int) (w >>> 40)];
        int from = (int) (w >>> TEXT_BITS) & (TEXT_PAGE - 1);
        int last = from + (int) (w & (TEXT_PAGE - 1)) - needle.length;
        if (needle.length == 0) {
            return false;
        }
        byte first = needle[0];
        for (int i = from; i <= last; i++) {
            if (lower(page[i]) != first) {
                continue;
            }
            int k = 1;
            while (k < needle.length && lower(page[i + k]) == needle[k]) {
                k++;
            }
            if (k == needle.length) {
                return true;
            }
        }
        return false;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    /** A hash of the line's text (FNV-1a 64), for comparing output across hosts. */
    public long hash(int line) {
        long w = where[line >>> LINE_BITS][line & (LINES_PER_PAGE - 1)];
        byte[] page = text[(int) (w >>> 40)];
        int from = (int) (w >>> TEXT_BITS) & (TEXT_PAGE - 1);
        int to = from + (int) (w & (TEXT_PAGE - 1));
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ (page[i] & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}
