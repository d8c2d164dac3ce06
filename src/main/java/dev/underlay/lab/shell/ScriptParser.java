package dev.underlay.lab.shell;

import dev.underlay.lab.shell.Script.Connector;
import dev.underlay.lab.shell.Script.Lit;
import dev.underlay.lab.shell.Script.Part;
import dev.underlay.lab.shell.Script.Pipeline;
import dev.underlay.lab.shell.Script.Redirect;
import dev.underlay.lab.shell.Script.SimpleCommand;
import dev.underlay.lab.shell.Script.Step;
import dev.underlay.lab.shell.Script.Var;
import dev.underlay.lab.shell.Script.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the subset of POSIX shell the lab understands: simple commands, {@code ;}, newlines, {@code &&},
 * {@code ||}, {@code |}, {@code !}, quoting, backslash escapes, {@code $VAR}, redirections and heredocs. Anything
 * else (control structures, command substitution) is a syntax error with bash's wording, never a silent guess.
 */
public final class ScriptParser {
    private final String src;
    private int pos;
    private final List<Redirect> pendingHeredocs = new ArrayList<>();
    private final List<String> pendingDelimiters = new ArrayList<>();
    private final List<Boolean> pendingStripTabs = new ArrayList<>();

    private ScriptParser(String src) {
        this.src = src;
    }

    /** Parses a script; throws {@link ShellSyntaxException} with a bash-like message. */
    public static Script parse(String text) {
        return new ScriptParser(text).script();
    }

    private Script script() {
        List<Step> steps = new ArrayList<>();
        Connector next = Connector.SEQ;
        boolean needCommand = false;
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                if (needCommand) {
                    throw new ShellSyntaxException("syntax error: unexpected end of file");
                }
                break;
            }
            char c = src.charAt(pos);
            if (c == '\n' || c == ';') {
                if (c == ';' && needCommand) {
                    throw new ShellSyntaxException("syntax error near unexpected token `;'");
                }
                pos++;
                if (c == '\n') {
                    readHeredocBodies();
                }
                if (!needCommand) {
                    next = Connector.SEQ;
                }
                continue;
            }
            if (startsWith("&&") || startsWith("||") || c == '|' || c == '&') {
                throw new ShellSyntaxException("syntax error near unexpected token `" + operatorAt() + "'");
            }
            steps.add(new Step(next, pipeline()));
            skipBlanks();
            needCommand = false;
            if (startsWith("&&")) {
                pos += 2;
                next = Connector.AND;
                needCommand = true;
            } else if (startsWith("||")) {
                pos += 2;
                next = Connector.OR;
                needCommand = true;
            } else if (pos < src.length() && src.charAt(pos) == '&') {
                pos++; // background jobs run in the foreground: the lab has nothing to wait for
                next = Connector.SEQ;
            } else {
                next = Connector.SEQ;
            }
        }
        return new Script(List.copyOf(steps));
    }

    private Pipeline pipeline() {
        boolean negated = false;
        skipBlanks();
        if (startsWith("! ")) {
            negated = true;
            pos += 2;
        }
        List<SimpleCommand> commands = new ArrayList<>();
        commands.add(simpleCommand());
        while (pos < src.length() && src.charAt(pos) == '|' && !startsWith("||")) {
            pos++;
            skipBlanksAndNewlines();
            commands.add(simpleCommand());
        }
        return new Pipeline(List.copyOf(commands), negated);
    }

    private SimpleCommand simpleCommand() {
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= src.length()) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '\n' || c == ';' || c == '|' || (c == '&' && !startsWith("&>"))) {
                break;
            }
            if (c == '#' ) {
                skipComment();
                break;
            }
            if (c == '(' || c == ')' || c == '`' || startsWith("$(")) {
                throw new ShellSyntaxException("syntax error near unexpected token `" + c
                        + "' (the lab shell has no subshells or command substitution)");
            }
            int fd = -1;
            if (Character.isDigit(c) && pos + 1 < src.length() && (src.charAt(pos + 1) == '>'
                    || src.charAt(pos + 1) == '<')) {
                fd = c - '0';
                pos++;
                c = src.charAt(pos);
            }
            if (c == '>' || c == '<' || startsWith("&>")) {
                redirects.add(redirect(fd));
                continue;
            }
            words.add(word());
        }
        if (words.isEmpty() && redirects.isEmpty()) {
            throw new ShellSyntaxException("syntax error near unexpected token `" + operatorAt() + "'");
        }
        return new SimpleCommand(List.copyOf(words), List.copyOf(redirects));
    }

    private Redirect redirect(int fd) {
        if (startsWith("&>")) {
            pos += 2;
            skipBlanks();
            return new Redirect(3, ">", word(), null, false); // fd 3 stands for "stdout and stderr"
        }
        if (startsWith("<<")) {
            pos += 2;
            boolean strip = pos < src.length() && src.charAt(pos) == '-';
            if (strip) {
                pos++;
            }
            skipBlanks();
            int before = pos;
            Word delim = word();
            boolean quoted = src.substring(before, pos).contains("'") || src.substring(before, pos).contains("\"");
            Redirect r = new Redirect(0, "<<", delim, new StringBuilder(), !quoted);
            pendingHeredocs.add(r);
            pendingDelimiters.add(delim.literal());
            pendingStripTabs.add(strip);
            return r;
        }
        String op;
        if (startsWith(">>")) {
            op = ">>";
            pos += 2;
        } else if (startsWith(">&")) {
            op = ">&";
            pos += 2;
        } else {
            op = String.valueOf(src.charAt(pos));
            pos++;
        }
        skipBlanks();
        if (pos >= src.length() || "\n;|&<>".indexOf(src.charAt(pos)) >= 0) {
            throw new ShellSyntaxException("syntax error near unexpected token `" + operatorAt() + "'");
        }
        int target = fd >= 0 ? fd : (op.equals("<") ? 0 : 1);
        return new Redirect(target, op, word(), null, false);
    }

    private Word word() {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean any = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '|' || c == '&' || c == '<' || c == '>') {
                break;
            }
            any = true;
            if (c == '\\') {
                if (pos + 1 < src.length()) {
                    char n = src.charAt(pos + 1);
                    if (n != '\n') {
                        lit.append(n);
                    }
                    pos += 2;
                } else {
                    pos++;
                }
            } else if (c == '\'') {
                int end = src.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new ShellSyntaxException("unexpected EOF while looking for matching `''");
                }
                lit.append(src, pos + 1, end);
                pos = end + 1;
            } else if (c == '"') {
                pos++;
                doubleQuoted(parts, lit);
            } else if (c == '$') {
                variable(parts, lit);
            } else if (c == '`' || c == '(' || c == ')') {
                throw new ShellSyntaxException("syntax error near unexpected token `" + c + "'");
            } else {
                lit.append(c);
                pos++;
            }
        }
        if (!any) {
            throw new ShellSyntaxException("syntax error near unexpected token `" + operatorAt() + "'");
        }
        flush(parts, lit);
        if (parts.isEmpty()) {
            parts.add(new Lit(""));
        }
        return new Word(List.copyOf(parts));
    }

    private void doubleQuoted(List<Part> parts, StringBuilder lit) {
        boolean emptyQuotes = true;
        while (true) {
            if (pos >= src.length()) {
                throw new ShellSyntaxException("unexpected EOF while looking for matching `\"'");
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                if (emptyQuotes && lit.length() == 0) {
                    parts.add(new Lit(""));
                }
                return;
            }
            emptyQuotes = false;
            if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
                if (src.charAt(pos + 1) != '\n') {
                    lit.append(src.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$') {
                variable(parts, lit);
            } else if (c == '`') {
                throw new ShellSyntaxException("command substitution is not supported by the lab shell");
            } else {
                lit.append(c);
                pos++;
            }
        }
    }

    private void variable(List<Part> parts, StringBuilder lit) {
        pos++; // the $
        if (pos >= src.length()) {
            lit.append('$');
            return;
        }
        char c = src.charAt(pos);
        String name;
        if (c == '{') {
            int end = src.indexOf('}', pos);
            if (end < 0) {
                throw new ShellSyntaxException("unexpected EOF while looking for matching `}'");
            }
            name = src.substring(pos + 1, end);
            pos = end + 1;
        } else if (c == '?' || c == '$' || c == '#' || Character.isDigit(c)) {
            name = String.valueOf(c);
            pos++;
        } else if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            name = src.substring(start, pos);
        } else if (c == '(') {
            throw new ShellSyntaxException("command substitution is not supported by the lab shell");
        } else {
            lit.append('$');
            return;
        }
        flush(parts, lit);
        parts.add(new Var(name));
    }

    private static void flush(List<Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Lit(lit.toString()));
            lit.setLength(0);
        }
    }

    private void readHeredocBodies() {
        for (int i = 0; i < pendingHeredocs.size(); i++) {
            String delim = pendingDelimiters.get(i);
            boolean strip = pendingStripTabs.get(i);
            StringBuilder body = pendingHeredocs.get(i).heredoc();
            while (true) {
                if (pos >= src.length()) {
                    throw new ShellSyntaxException("here-document delimited by end-of-file (wanted `" + delim + "')");
                }
                int eol = src.indexOf('\n', pos);
                String line = eol < 0 ? src.substring(pos) : src.substring(pos, eol);
                pos = eol < 0 ? src.length() : eol + 1;
                if (strip) {
                    line = line.replaceFirst("^\t+", "");
                }
                if (line.equals(delim)) {
                    break;
                }
                body.append(line).append('\n');
            }
        }
        pendingHeredocs.clear();
        pendingDelimiters.clear();
        pendingStripTabs.clear();
    }

    private void skipBlanks() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
            } else if (c == '#') {
                skipComment();
            } else {
                break;
            }
        }
    }

    private void skipBlanksAndNewlines() {
        while (true) {
            skipBlanks();
            if (pos < src.length() && src.charAt(pos) == '\n') {
                pos++;
                readHeredocBodies();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        while (pos < src.length() && src.charAt(pos) != '\n') {
            pos++;
        }
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private String operatorAt() {
        if (pos >= src.length()) {
            return "newline";
        }
        for (String op : new String[] {"&&", "||", ";;", ">>", "<<"}) {
            if (startsWith(op)) {
                return op;
            }
        }
        char c = src.charAt(pos);
        return c == '\n' ? "newline" : String.valueOf(c);
    }
}
