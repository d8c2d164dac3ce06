package dev.underlay.lab.shell;

/** A script the lab shell cannot parse; the message reads like bash's (without the {@code bash: } prefix). */
public final class ShellSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ShellSyntaxException(String message) {
        super(message);
    }
}
