package dev.underlay.inventory.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold commas, quotes or newlines.
 * Cells that a spreadsheet would run as a formula are written with a leading {@code '} (OWASP's advice against CSV
 * injection) and read back without it ({@link #guard}, {@link #unguard}).
 */
final class Csv {
    /** One record and the line it starts on. */
    record Row(int line, List<String> cells) {
    }

    /** The records, and the line of a quote left open at the end of the file (0 when none). */
    record Rows(List<Row> rows, int unclosedQuote) {
    }

    private Csv() {
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * A cell as written to a file: one that starts with {@code = + - @}, a tab or a carriage return (a formula to a
     * spreadsheet) gets a {@code '} in front, and so does one that starts with {@code '}, so that {@link #unguard}
     * can always take one off and export then import gives back every value.
     */
    static String guard(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'' ? "'" + cell : cell;
    }

    /** A cell as read: without the {@code '} that {@link #guard} (or a careful person) put in front. */
    static String unguard(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    /** Reads every record; blank lines are skipped. A quote never closed ends the records at its line. */
    static Rows read(Reader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int start = 1;
        boolean quoted = false;
        boolean any = false;
        int c;
        while ((c = in.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int n = in.read();
                    if (n == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (n == -1) {
                            break;
                        }
                        in.reset();
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    quoted = true;
                    any = true;
                }
                case ',' -> {
                    cells.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                }
                case '\r' -> {
                    // CR LF or a lone CR: the LF (if any) ends the record
                }
                case '\n' -> {
                    if (any || cell.length() > 0) {
                        cells.add(cell.toString());
                        rows.add(new Row(start, List.copyOf(cells)));
                    }
                    cells.clear();
                    cell.setLength(0);
                    any = false;
                    line++;
                    start = line;
                }
                default -> {
                    cell.append((char) c);
                    any = true;
                }
            }
        }
        if (quoted) {
            return new Rows(rows, start);
        }
        if (any || cell.length() > 0) {
            cells.add(cell.toString());
            rows.add(new Row(start, List.copyOf(cells)));
        }
        return new Rows(rows, 0);
    }
}
