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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * Runs one parsed script on one simulated host, step by step. A step that waits (sleep) suspends the run and hands
 * the rest to the executor when its future completes, so sleeping hosts hold no thread. Output is handed to the
 * {@link Output} after every step and flushed whenever the run waits or ends, so a client sees lines as soon as
 * anything could observe a delay, in as few packets as possible.
 */
public final class ShellRun {
    /** Where a run's standard output and error go (the SSH channel, or a buffer in tests). */
    public interface Output {
        void out(String text);

        void err(String text);

        /** Sends what was written so far; called when the run waits and when it ends. */
        default void flush() {
        }
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    private final Script script;
    private final ShellHost host;
    private final Commands commands;
    private final Executor executor;
    private final Output output;
    private final java.util.function.Supplier<String> stdin;
    private final CompletableFuture<Integer> done = new CompletableFuture<>();
    private final Map<String, String> vars = new HashMap<>();
    private final Redirections redirections;
    private String cwd;
    private boolean errexit;
    private int status;
    private int index;
    private volatile boolean cancelled;

    /**
     * @param user     the login name ({@code whoami}, {@code $HOME})
     * @param stdin    the session's standard input, read only by a command that wants it
     * @param executor where a suspended run continues (a small shared pool)
     */
    public ShellRun(Script script, ShellHost host, Commands commands, String user,
                    java.util.function.Supplier<String> stdin, Output output, Executor executor) {
        this.script = script;
        this.host = host;
        this.commands = commands;
        this.stdin = stdin;
        this.output = output;
        this.executor = executor;
        this.redirections = new Redirections(this);
        String home = user.equals("root") ? "/root" : "/home/" + user;
        cwd = home;
        vars.put("USER", user);
        vars.put("LOGNAME", user);
        vars.put("HOME", home);
        vars.put("HOSTNAME", host.identity().hostname());
        vars.put("SHELL", "/bin/bash");
        vars.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    }

    /** Starts on the calling thread; the future completes with the exit status. */
    public CompletableFuture<Integer> start() {
        resume();
        return done;
    }

    /** Stops a suspended run (the client went away); the future completes with 130. */
    public void cancel() {
        cancelled = true;
        done.complete(130);
    }

    ShellHost host() {
        return host;
    }

    Commands commands() {
        return commands;
    }

    Executor executor() {
        return executor;
    }

    int lastStatus() {
        return status;
    }

    String user() {
        return vars.get("USER");
    }

    String cwd() {
        return cwd;
    }

    void cwd(String dir) {
        cwd = dir;
    }

    void errexit(boolean on) {
        errexit = on;
    }

    void setVar(String name, String value) {
        vars.put(name, value);
    }

    Map<String, String> vars() {
        return vars;
    }

    /** Resolves a path against the working directory, in the host's file system. */
    Path resolve(String p) {
        return host.files().getPath(cwd).resolve(p).normalize();
    }

    private void resume() {
        while (!cancelled && index < script.steps().size()) {
            Step step = script.steps().get(index);
            boolean run = step.connector() == Connector.SEQ
                    || (step.connector() == Connector.AND && status == 0)
                    || (step.connector() == Connector.OR && status != 0);
            boolean ranHere = false;
            if (run) {
                Invocation last;
                try {
                    last = pipeline(step.pipeline());
                } catch (ExitException e) {
                    finish(e.status);
                    return;
                }
                ranHere = true;
                if (last != null && last.pending != null) {
                    output.flush(); // the client sees everything up to the wait
                    final Invocation waiting = last;
                    final boolean negated = step.pipeline().negated();
                    waiting.pending.whenComplete((s, ex) -> executor.execute(() -> {
                        flushInvocation(waiting);
                        int st = ex != null ? 1 : s;
                        continueAfter(negated ? (st == 0 ? 1 : 0) : st, negated);
                    }));
                    return;
                }
            }
            if (!afterStep(ranHere, step.pipeline().negated())) {
                return;
            }
        }
        finish(status);
    }

    private void continueAfter(int newStatus, boolean negated) {
        if (cancelled) {
            return;
        }
        status = newStatus;
        if (afterStep(true, negated)) {
            resume();
        }
    }

    /** Applies {@code set -e} at the end of an and-or list and moves on; false when the run ended. */
    private boolean afterStep(boolean ranHere, boolean negated) {
        List<Step> steps = script.steps();
        boolean endOfList = index + 1 >= steps.size() || steps.get(index + 1).connector() == Connector.SEQ;
        if (errexit && ranHere && endOfList && status != 0 && !negated) {
            finish(status);
            return false;
        }
        index++;
        return true;
    }

    private void finish(int code) {
        output.flush();
        done.complete(code);
    }

    /** Runs a pipeline; returns the last invocation (possibly still pending). */
    private Invocation pipeline(Pipeline p) {
        String piped = null;
        Invocation last = null;
        List<SimpleCommand> cmds = p.commands();
        for (int i = 0; i < cmds.size(); i++) {
            boolean isLast = i == cmds.size() - 1;
            final String in = piped;
            java.util.function.Supplier<String> source = i == 0 ? stdin : () -> in;
            last = simple(cmds.get(i), source, !isLast);
            if (!isLast) {
                if (last.plan.stdoutRedirected()) {
                    piped = "";
                } else {
                    piped = last.out.toString();
                    last.out.setLength(0);
                }
                flushInvocation(last);
            }
        }
        if (last != null && last.pending == null) {
            flushInvocation(last);
            status = p.negated() ? (last.status == 0 ? 1 : 0) : last.status;
        }
        return last;
    }

    private Invocation simple(SimpleCommand cmd, java.util.function.Supplier<String> source, boolean piped) {
        List<String> args = new ArrayList<>();
        Map<String, String> assignments = new HashMap<>();
        boolean commandSeen = false;
        for (Word w : cmd.words()) {
            String text = expand(w);
            if (!commandSeen && !w.parts().isEmpty() && w.parts().get(0) instanceof Lit l
                    && ASSIGNMENT.matcher(l.text()).matches()) {
                int eq = text.indexOf('=');
                assignments.put(text.substring(0, eq), text.substring(eq + 1));
                continue;
            }
            commandSeen = true;
            args.add(text);
        }
        Invocation inv = new Invocation(args.isEmpty() ? List.of("") : List.copyOf(args), this, source);
        Redirections.Plan plan = redirections.plan(cmd.redirects(), inv, piped);
        inv.plan = plan;
        if (plan.failed()) {
            inv.status = 1;
            return inv;
        }
        if (args.isEmpty()) {
            vars.putAll(assignments);
            inv.status = 0;
            return inv;
        }
        inv.status = commands.run(inv);
        return inv;
    }

    /** Hands a finished invocation's output to its targets (terminal, files, /dev/null). */
    private void flushInvocation(Invocation inv) {
        if (inv.plan != null) {
            inv.plan.deliver(inv.out.toString(), inv.err.toString(), output);
        }
        inv.out.setLength(0);
        inv.err.setLength(0);
    }

    String expand(Word w) {
        StringBuilder b = new StringBuilder();
        for (Part p : w.parts()) {
            if (p instanceof Lit l) {
                b.append(l.text());
            } else if (p instanceof Var v) {
                b.append(variable(v.name()));
            }
        }
        return b.toString();
    }

    /** Expands {@code $NAME}, {@code ${NAME}} and {@code $?} in a heredoc body; {@code \\$} stays a dollar. */
    String expandText(String text) {
        return HeredocExpansion.expand(text, this::variable);
    }

    private String variable(String name) {
        switch (name) {
            case "?":
                return Integer.toString(status);
            case "$":
                return "4242";
            case "#":
                return "0";
            default:
                return vars.getOrDefault(name, "");
        }
    }

    /** Thrown by {@code exit} to end the run at once. */
    static final class ExitException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        ExitException(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }
}
