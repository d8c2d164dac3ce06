package dev.underlay.lab.shell;

/** Variable expansion inside an unquoted heredoc body (the only place text is expanded outside words). */
final class HeredocExpansion {
    private HeredocExpansion() {
    }

    /** Expands {@code $NAME}, {@code ${NAME}} and {@code $?} in a heredoc body; {@code \$} stays a dollar. */
    static String expand(String text, java.util.function.UnaryOperator<String> variable) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '$') {
                b.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < text.length()) {
                char n = text.charAt(i + 1);
                int end;
                String name;
                if (n == '{' && text.indexOf('}', i) > 0) {
                    end = text.indexOf('}', i) + 1;
                    name = text.substring(i + 2, end - 1);
                } else if (n == '?' || n == '$' || n == '#') {
                    end = i + 2;
                    name = String.valueOf(n);
                } else {
                    end = i + 1;
                    while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                            || text.charAt(end) == '_')) {
                        end++;
                    }
                    name = text.substring(i + 1, end);
                }
                if (name.isEmpty()) {
                    b.append(c);
                    i++;
                } else {
                    b.append(variable.apply(name));
                    i = end;
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

}
