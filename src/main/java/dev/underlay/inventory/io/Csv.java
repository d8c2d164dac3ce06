package dev.underlay.inventory.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: fields separated by commas, quoted with double quotes when they hold commas, quotes or newlines. */
final class Csv {
    /** One record and the line it starts on. */
    record Row(int line, List<String> cells) {
    }

    /** A quote left open at the end of the file. */
    static final class UnclosedQuoteException extends IOException {
        private static final long serialVersionUID = 1L;
        final int line;

        UnclosedQuoteException(int line) {
            super("a quoted field opened on line " + line + " is never closed");
            this.line = line;
        }
    }

    private Csv() {
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Reads every record; blank lines are skipped. */
    static List<Row> read(Reader in) throws IOException {
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
            throw new UnclosedQuoteException(start);
        }
        if (any || cell.length() > 0) {
            cells.add(cell.toString());
            rows.add(new Row(start, List.copyOf(cells)));
        }
        return rows;
    }
}
