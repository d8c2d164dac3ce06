package dev.underlay.lab.shell;

import java.util.List;

/** The parsed form of a shell script: a flat list of steps joined by {@code ;}, {@code &&} or {@code ||}. */
public record Script(List<Step> steps) {

    /** How a step joins the one before it. */
    public enum Connector { SEQ, AND, OR }

    /** A pipeline and how it is joined to the previous step. */
    public record Step(Connector connector, Pipeline pipeline) {
    }

    /** Commands joined by {@code |}; {@code negated} for a leading {@code !}. */
    public record Pipeline(List<SimpleCommand> commands, boolean negated) {
    }

    /** Words (the first is the command name; may be empty for bare assignments) and redirections. */
    public record SimpleCommand(List<Word> words, List<Redirect> redirects) {
    }

    /**
     * A redirection: {@code fd} 1 or 2 for output, 0 for input.
     *
     * @param op      {@code >}, {@code >>}, {@code <}, {@code <<} (heredoc, body in {@code heredoc}) or {@code >&}
     *                (duplicate: target is the other fd's number)
     */
    public record Redirect(int fd, String op, Word target, StringBuilder heredoc, boolean expandHeredoc) {
    }

    /** A word made of literal and variable parts, expanded when the step runs (so {@code $?} is current). */
    public record Word(List<Part> parts) {
        /** The word's text when it has no variables (command names, heredoc delimiters). */
        public String literal() {
            StringBuilder b = new StringBuilder();
            for (Part p : parts) {
                if (p instanceof Lit l) {
                    b.append(l.text());
                }
            }
            return b.toString();
        }

        /** True when the word is exactly one unquoted literal, e.g. an assignment candidate. */
        public boolean plain() {
            return parts.size() == 1 && parts.get(0) instanceof Lit;
        }
    }

    /** A part of a word. */
    public sealed interface Part permits Lit, Var {
    }

    /** Literal text. */
    public record Lit(String text) implements Part {
    }

    /** {@code $NAME}, {@code ${NAME}} or {@code $?}. */
    public record Var(String name) implements Part {
    }
}
