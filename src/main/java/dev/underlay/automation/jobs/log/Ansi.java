package dev.underlay.automation.jobs.log;

import java.util.Arrays;

/**
 * ANSI escape sequences of a line turned into plain text and style runs. SGR codes 30-37 and 90-97 (foreground),
 * 39 (default foreground), 1 (bold), 22 (normal), 0 or nothing (reset) are kept as styles; every other escape
 * sequence (other SGR codes, cursor moves, erase, OSC titles) and control characters are dropped, never shown.
 * A carriage return keeps what follows it, as a terminal shows a progress line that rewrote itself.
 */
public final class Ansi {
    /** The style of plain text: default colour, not bold. */
    public static final int PLAIN = 0;
    private static final int BOLD = 0x100;
    private static final int MAX_RUNS = 256;

    private Ansi() {
    }

    /** Text without escapes and its runs: {@code runs} is [start0, style0, start1, style1, ...] or null if plain. */
    public record Styled(String text, int[] runs) {
    }

    /** The colour of a style: -1 for the default, 0-7 the normal colours, 8-15 the bright ones. */
    public static int colour(int style) {
        return (style & 0xff) - 1;
    }

    public static boolean bold(int style) {
        return (style & BOLD) != 0;
    }

    public static Styled parse(String raw) {
        int cr = raw.lastIndexOf('\r');
        if (cr >= 0 && cr < raw.length() - 1) {
            raw = raw.substring(cr + 1);
        }
        if (!needsWork(raw)) {
            return new Styled(raw, null);
        }
        StringBuilder text = new StringBuilder(raw.length());
        int[] runs = new int[8];
        int n = 0;
        int style = PLAIN;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == 0x1b) {
                int end = sequenceEnd(raw, i);
                if (end > i + 2 && raw.charAt(i + 1) == '[' && raw.charAt(end - 1) == 'm') {
                    int next = sgr(raw, i + 2, end - 1, style);
                    if (next != style) {
                        style = next;
                        if (n > 0 && runs[n - 2] == text.length()) {
                            n -= 2; // two changes at the same place: the later one wins
                        }
                        if (n / 2 < MAX_RUNS && (n > 0 ? runs[n - 1] != style : style != PLAIN)) {
                            if (n == runs.length) {
                                runs = Arrays.copyOf(runs, n * 2);
                            }
                            runs[n++] = text.length();
                            runs[n++] = style;
                        }
                    }
                }
                i = end;
            } else {
                if (c >= ' ' || c == '\t') {
                    text.append(c);
                }
                i++;
            }
        }
        return new Styled(text.toString(), n == 0 ? null : Arrays.copyOf(runs, n));
    }

    private static boolean needsWork(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** The index after the escape sequence starting at {@code i} (CSI, OSC, or ESC and one character). */
    private static int sequenceEnd(String s, int i) {
        int len = s.length();
        if (i + 1 >= len) {
            return len;
        }
        char kind = s.charAt(i + 1);
        if (kind == '[') {
            int j = i + 2;
            while (j < len && (s.charAt(j) < 0x40 || s.charAt(j) > 0x7e)) {
                j++;
            }
            return Math.min(len, j + 1);
        }
        if (kind == ']') { // OSC: up to BEL or ESC \
            int j = i + 2;
            while (j < len && s.charAt(j) != 7 && s.charAt(j) != 0x1b) {
                j++;
            }
            return j < len && s.charAt(j) == 0x1b ? Math.min(len, j + 2) : Math.min(len, j + 1);
        }
        return i + 2;
    }

    /** Applies the SGR parameters in [from, to) to {@code style}. */
    private static int sgr(String s, int from, int to, int style) {
        if (from == to) {
            return PLAIN;
        }
        int p = 0;
        boolean any = false;
        int skip = 0; // 38;5;n and 38;2;r;g;b: parameters that are not codes
        for (int i = from; i <= to; i++) {
            char c = i < to ? s.charAt(i) : ';';
            if (c >= '0' && c <= '9') {
                p = Math.min(p * 10 + (c - '0'), 1000);
                any = true;
            } else if (c == ';' || c == ':') {
                int code = any ? p : 0;
                if (skip == -1) {
                    skip = code == 5 ? 1 : code == 2 ? 3 : 0;
                } else if (skip > 0) {
                    skip--;
                } else {
                    style = apply(code, style);
                    if (code == 38 || code == 48 || code == 58) {
                        skip = -1;
                    }
                }
                p = 0;
                any = false;
            } else {
                return style; // a private or malformed parameter: ignore the rest
            }
        }
        return style;
    }

    private static int apply(int code, int style) {
        if (code == 0) {
            return PLAIN;
        } else if (code == 1) {
            return style | BOLD;
        } else if (code == 22) {
            return style & ~BOLD;
        } else if (code >= 30 && code <= 37) {
            return (style & BOLD) | (code - 30 + 1);
        } else if (code >= 90 && code <= 97) {
            return (style & BOLD) | (code - 90 + 8 + 1);
        } else if (code == 39) {
            return style & BOLD;
        }
        return style;
    }
}
