package dev.underlay.inventory.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an INI host line into words as Python's {@code shlex.split(line, comments=True)} does, which is how
 * Ansible reads one: quotes group and are removed ({@code motd="hello world"} is the word
 * {@code motd=hello world}), a backslash escapes outside single quotes, and {@code #} outside quotes ends the line.
 */
final class Shlex {
    private Shlex() {
    }

    /** The words; IllegalArgumentException with a sentence for an unclosed quote or a trailing backslash. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>(4);
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int close = quoted(line, i, word);
                i = close;
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("the line ends with a backslash that escapes nothing");
                }
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == '#') {
                break;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    /** Appends the quoted text that starts at {@code open}; returns the index of the closing quote. */
    private static int quoted(String line, int open, StringBuilder word) {
        char q = line.charAt(open);
        int n = line.length();
        for (int i = open + 1; i < n; i++) {
            char c = line.charAt(i);
            if (c == q) {
                return i;
            }
            // in double quotes a backslash escapes only a double quote or a backslash, as in a POSIX shell
            if (q == '"' && c == '\\' && i + 1 < n && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                word.append(line.charAt(++i));
            } else {
                word.append(c);
            }
        }
        throw new IllegalArgumentException("a quote (" + q + ") opened at column " + (open + 1) + " is never closed");
    }
}
