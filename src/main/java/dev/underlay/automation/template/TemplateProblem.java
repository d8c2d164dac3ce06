package dev.underlay.automation.template;

/**
 * A template that cannot be rendered: an unknown param ({@link #param()} names it) or a syntax or evaluation problem
 * at {@link #line()} (1-based, 0 when unknown). The message says it without naming task or machine, which the
 * caller adds.
 */
public final class TemplateProblem extends Exception {
    private static final long serialVersionUID = 1L;
    private final String param;
    private final int line;

    public TemplateProblem(String message, String param, int line) {
        super(message);
        this.param = param;
        this.line = line;
    }

    /** The unknown param, or null when the problem is another one. */
    public String param() {
        return param;
    }

    public int line() {
        return line;
    }
}
