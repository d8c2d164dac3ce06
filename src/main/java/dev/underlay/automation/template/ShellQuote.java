package dev.underlay.automation.template;

/**
 * POSIX shell quoting: a value between single quotes, each {@code '} in it written {@code '"'"'}. Inside single
 * quotes a POSIX shell interprets nothing ({@code $}, backquotes, {@code \}, newlines, globs), so the quoted value
 * reaches the command as exactly one word, whatever it holds.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** {@code it's} becomes {@code 'it'"'"'s'}; the empty string becomes {@code ''}. */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                b.append("'\"'\"'");
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
