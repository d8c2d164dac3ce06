package dev.underlay.automation.ui.log;

import dev.underlay.automation.jobs.log.Ansi;
import dev.underlay.automation.jobs.log.LogSearch;
import dev.underlay.automation.jobs.log.LogStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints the rows in sight of the log canvas: time, host, step, a stderr or system mark, then the text in its ANSI
 * colours; the selection and the search's matches behind the text. Only the columns in sight are drawn, so a
 * 64 KiB line costs what a short one does. The font is monospaced: column {@code c} starts at {@code c} times
 * the character width, which places matches and the horizontal scroll without measuring text.
 */
final class LogPainter {
    static final double PAD = 6;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private final LogPalette palette;
    private GraphicsContext g;
    private double y;
    private double offset;
    private int firstColumn;
    private int lastColumn;
    private int column;

    /** What the last paint did: the widest row in columns and how many matches it highlighted. */
    record Painted(int columns, int matches) {
    }

    LogPainter(LogPalette palette) {
        this.palette = palette;
    }

    /**
     * Paints {@code count} rows from {@code top}, each {@code rowHeight} high, scrolled {@code offset} pixels to
     * the right, on a canvas {@code width} x {@code height}.
     */
    Painted paint(GraphicsContext gc, JobLogViewModel vm, int top, int count, double rowHeight, double width,
            double height, double offset, RowSelection selection, String query) {
        this.g = gc;
        this.offset = offset;
        double cw = palette.charWidth();
        firstColumn = (int) Math.max(0, Math.floor((offset - PAD) / cw));
        lastColumn = (int) Math.ceil((offset + width) / cw) + 1;
        g.clearRect(0, 0, width, height); // a full clear also drops the canvas's queued commands
        g.setFill(palette.paint(LogPalette.BACKGROUND));
        g.fillRect(0, 0, width, height);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        boolean withHost = vm.hosts().size() > 1;
        int columns = 0;
        int matches = 0;
        for (int i = 0; i < count; i++) {
            int r = top + i;
            double rowTop = i * rowHeight;
            y = rowTop + rowHeight / 2;
            if (selection.contains(r)) {
                g.setFill(palette.paint(LogPalette.SELECTION));
                g.fillRect(0, rowTop, width, rowHeight);
            }
            if (r == selection.lead()) {
                g.setStroke(palette.paint(LogPalette.FOCUS));
                g.setLineWidth(1);
                g.strokeRect(0.5, rowTop + 0.5, width - 1, rowHeight - 1);
            }
            LogLine l = vm.row(r);
            int textStart = prefixLength(l, withHost);
            int[] hits = LogSearch.ranges(l.text(), query);
            for (int h = 0; h < hits.length; h += 2) {
                double x = PAD + (textStart + hits[h]) * cw - offset;
                double w = (hits[h + 1] - hits[h]) * cw;
                g.setFill(palette.paint(LogPalette.MATCH));
                g.fillRect(x, rowTop + 1, w, rowHeight - 2);
                g.setStroke(palette.paint(LogPalette.MATCH_EDGE));
                g.setLineWidth(0.5);
                g.strokeRect(x, rowTop + 1, w, rowHeight - 2);
                matches++;
            }
            columns = Math.max(columns, textStart + l.text().length());
            row(l, withHost);
        }
        return new Painted(columns, matches);
    }

    static int prefixLength(LogLine l, boolean withHost) {
        return 13 + (withHost ? l.host().length() + 1 : 0) + String.valueOf(l.step() + 1).length() + 3
                + (l.stream() == LogStream.STDOUT ? 0 : 4);
    }

    private void row(LogLine l, boolean withHost) {
        column = 0;
        piece(TIME.format(l.at()) + " ", LogPalette.TIME, palette.font());
        if (withHost) {
            piece(l.host() + " ", LogPalette.HOST, palette.font());
        }
        piece("[" + (l.step() + 1) + "] ", LogPalette.STEP, palette.font());
        if (l.stream() == LogStream.STDERR) {
            piece("err ", LogPalette.STDERR, palette.bold());
        } else if (l.stream() == LogStream.SYSTEM) {
            piece("--- ", LogPalette.SYSTEM, palette.italic());
        }
        int base = l.stream() == LogStream.SYSTEM ? LogPalette.SYSTEM : l.stream() == LogStream.STDERR
                ? LogPalette.STDERR_TEXT : LogPalette.TEXT;
        Font baseFont = l.stream() == LogStream.SYSTEM ? palette.italic() : palette.font();
        String t = l.text();
        int[] r = l.runs();
        if (r == null) {
            piece(t, 0, t.length(), palette.paint(base), baseFont);
            return;
        }
        piece(t, 0, Math.min(r[0], t.length()), palette.paint(base), baseFont);
        for (int i = 0; i < r.length; i += 2) {
            int from = Math.min(r[i], t.length());
            int to = i + 2 < r.length ? Math.min(r[i + 2], t.length()) : t.length();
            int colour = Ansi.colour(r[i + 1]);
            piece(t, from, to, colour >= 0 ? palette.ansi(colour) : palette.paint(base),
                    Ansi.bold(r[i + 1]) ? palette.bold() : baseFont);
        }
    }

    private void piece(String s, int ink, Font font) {
        piece(s, 0, s.length(), palette.paint(ink), font);
    }

    /** Draws s[from, to) at the current column, only the part in sight; moves the column on. */
    private void piece(String s, int from, int to, Paint paint, Font font) {
        int start = column;
        column += Math.max(0, to - from);
        int a = Math.max(from, from + firstColumn - start);
        int b = Math.min(to, from + lastColumn - start);
        if (b <= a) {
            return;
        }
        String shown = s.substring(a, b).replace('\t', ' '); // a tab is one column, so matches stay in place
        g.setFill(paint);
        g.setFont(font);
        g.fillText(shown, PAD + (start + a - from) * palette.charWidth() - offset, y);
    }
}
