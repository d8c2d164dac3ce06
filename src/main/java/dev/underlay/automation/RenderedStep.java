package dev.underlay.automation;

import java.util.List;

/** A step rendered for one machine: what to do there, in order. */
public record RenderedStep(List<Action> actions) {
    public RenderedStep {
        actions = List.copyOf(actions);
    }

    /** One thing a step does on a host. {@code shown} is the text with secure values masked: logs keep only it. */
    public sealed interface Action permits Script, WriteFile {
        String shown();
    }

    /** A shell script run with {@code sh -c} (or fed to the shell's standard input). */
    public record Script(String text, String shown) implements Action {
    }

    /** A file written at {@code path} (mode as octal text, e.g. "0644"; owner "user:group" or empty). */
    public record WriteFile(String path, String mode, String owner, String content, String shown) implements Action {
    }
}
