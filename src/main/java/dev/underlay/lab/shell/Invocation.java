package dev.underlay.lab.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One command being run: its arguments, standard input, output buffers and the shell it runs in. A command either
 * returns its exit status at once or sets {@link #pending} (sleep, nested shells) so that no thread waits.
 */
public final class Invocation {
    final List<String> args;
    final ShellRun shell;
    private Supplier<String> stdin;
    final StringBuilder out;
    final StringBuilder err;
    CompletableFuture<Integer> pending;
    int status;
    Redirections.Plan plan;

    Invocation(List<String> args, ShellRun shell, Supplier<String> stdin) {
        this.args = args;
        this.shell = shell;
        this.stdin = stdin;
        this.out = new StringBuilder();
        this.err = new StringBuilder();
    }

    private Invocation(List<String> args, Invocation parent) {
        this.args = args;
        this.shell = parent.shell;
        this.stdin = parent.stdin;
        this.out = parent.out;
        this.err = parent.err;
    }

    /** The same invocation without its first {@code n} words (for {@code sudo cmd}); shares the buffers. */
    Invocation shifted(int n) {
        return new Invocation(List.copyOf(args.subList(n, args.size())), this);
    }

    String name() {
        return args.get(0);
    }

    String arg(int i) {
        return args.get(i);
    }

    int argc() {
        return args.size() - 1;
    }

    ShellHost host() {
        return shell.host();
    }

    /** Reads all of standard input (blocks until the client closes it, as {@code cat} would). */
    String stdin() {
        String s = stdin.get();
        return s == null ? "" : s;
    }

    /** Input from a redirection or heredoc instead of the session. */
    void replaceStdin(String text) {
        stdin = () -> text;
    }

    Path path(String p) {
        return shell.resolve(p);
    }

    Invocation println(String line) {
        out.append(line).append('\n');
        return this;
    }

    /** Prints {@code name: message} to stderr and returns {@code status}. */
    int fail(int status, String message) {
        err.append(name()).append(": ").append(message).append('\n');
        return status;
    }
}
