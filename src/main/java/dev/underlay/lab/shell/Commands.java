package dev.underlay.lab.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands the lab shell knows, by name. Nothing here starts a process: every command is Java code working on
 * the simulated host's state. One instance serves every host (stateless apart from the scheduler and the
 * simulated Kubernetes clusters of {@link KubeCommands}).
 */
public final class Commands {
    /** A command: returns its exit status, or sets {@link Invocation#pending} to finish later. */
    @FunctionalInterface
    interface Command {
        int run(Invocation inv);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private final Map<String, Command> table = new HashMap<>();
    private final ScheduledExecutorService scheduler;

    /** @param scheduler wakes sleeping scripts; shared by every host so sleeping holds no thread */
    public Commands(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        table.put("true", inv -> 0);
        table.put(":", inv -> 0);
        table.put("false", inv -> 1);
        table.put("echo", Commands::echo);
        table.put("exit", Commands::exit);
        table.put("set", Commands::set);
        table.put("export", Commands::export);
        table.put("cd", Commands::cd);
        table.put("pwd", inv -> {
            inv.println(inv.shell.cwd());
            return 0;
        });
        table.put("test", inv -> TestCommand.run(inv, inv.args.subList(1, inv.args.size())));
        table.put("[", Commands::bracket);
        table.put("sleep", this::sleep);
        table.put("sh", Commands::nestedShell);
        table.put("bash", Commands::nestedShell);
        table.put("sudo", this::sudo);
        FileCommands.register(table);
        TextCommands.register(table);
        FactCommands.register(table);
        ServiceCommands.register(table);
        OpsCommands.register(table);
        PrintCommands.register(table);
        new KubeCommands().register(table);
        MiscCommands.register(table, table.keySet());
    }

    /** Runs the invocation's command, applying the "command fails" fault first. */
    int run(Invocation inv) {
        String name = inv.name();
        Command c = table.get(name);
        if (c == null) {
            inv.err.append("bash: ").append(name).append(": command not found\n");
            return 127;
        }
        if (inv.host().failing(name)) {
            return inv.fail(1, "simulated failure (lab fault)");
        }
        try {
            return c.run(inv);
        } catch (ShellRun.ExitException e) {
            throw e;
        } catch (RuntimeException e) {
            // a gap in the simulation must fail the one command, never hang the session
            LOG.warn("lab shell: {} failed on {}", name, inv.host().identity().hostname(), e);
            return inv.fail(1, "internal error of the lab shell (" + e + ")");
        }
    }

    private static int echo(Invocation inv) {
        List<String> a = inv.args.subList(1, inv.args.size());
        boolean newline = true;
        boolean escapes = false;
        int from = 0;
        while (from < a.size() && a.get(from).matches("-[neE]+")) {
            newline &= !a.get(from).contains("n");
            escapes |= a.get(from).contains("e");
            from++;
        }
        String text = String.join(" ", a.subList(from, a.size()));
        inv.out.append(escapes ? text.replace("\\n", "\n").replace("\\t", "\t") : text);
        if (newline) {
            inv.out.append('\n');
        }
        return 0;
    }

    private static int exit(Invocation inv) {
        int code = inv.shell.lastStatus();
        if (inv.argc() >= 1) {
            try {
                code = Integer.parseInt(inv.arg(1)) & 0xFF;
            } catch (NumberFormatException e) {
                inv.err.append("bash: exit: ").append(inv.arg(1)).append(": numeric argument required\n");
                code = 2;
            }
        }
        throw new ShellRun.ExitException(code);
    }

    private static int set(Invocation inv) {
        for (String a : inv.args.subList(1, inv.args.size())) {
            if (a.startsWith("-") && a.contains("e")) {
                inv.shell.errexit(true);
            } else if (a.startsWith("+") && a.contains("e")) {
                inv.shell.errexit(false);
            }
            // -u, -x, -o pipefail: accepted and ignored; scripts set them by habit
        }
        return 0;
    }

    private static int export(Invocation inv) {
        for (String a : inv.args.subList(1, inv.args.size())) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                inv.shell.setVar(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        return 0;
    }

    private static int cd(Invocation inv) {
        String target = inv.argc() == 0 ? inv.shell.vars().get("HOME") : inv.arg(1);
        java.nio.file.Path p = inv.path(target);
        if (!java.nio.file.Files.isDirectory(p)) {
            inv.err.append("bash: cd: ").append(target).append(": No such file or directory\n");
            return 1;
        }
        inv.shell.cwd(p.toString());
        return 0;
    }

    private static int bracket(Invocation inv) {
        List<String> a = inv.args.subList(1, inv.args.size());
        if (a.isEmpty() || !a.get(a.size() - 1).equals("]")) {
            inv.err.append("bash: [: missing `]'\n");
            return 2;
        }
        return TestCommand.run(inv, a.subList(0, a.size() - 1));
    }

    private int sleep(Invocation inv) {
        if (inv.argc() < 1) {
            return inv.fail(1, "missing operand");
        }
        long millis;
        try {
            String t = inv.arg(1);
            double factor = t.endsWith("m") ? 60_000 : t.endsWith("h") ? 3_600_000 : 1000;
            millis = (long) (Double.parseDouble(t.replaceAll("[smh]$", "")) * factor);
        } catch (NumberFormatException e) {
            return inv.fail(1, "invalid time interval '" + inv.arg(1) + "'");
        }
        CompletableFuture<Integer> f = new CompletableFuture<>();
        scheduler.schedule(() -> f.complete(0), millis, TimeUnit.MILLISECONDS);
        inv.pending = f;
        return 0;
    }

    private static int nestedShell(Invocation inv) {
        if (inv.argc() >= 2 && (inv.arg(1).equals("-c") || inv.arg(1).equals("-lc") || inv.arg(1).equals("-ec"))) {
            Script script;
            try {
                script = ScriptParser.parse((inv.arg(1).equals("-ec") ? "set -e\n" : "") + inv.arg(2));
            } catch (ShellSyntaxException e) {
                inv.err.append("bash: -c: ").append(e.getMessage()).append('\n');
                return 2;
            }
            ShellRun child = new ShellRun(script, inv.host(), inv.shell.commands(), inv.shell.user(),
                    inv::stdin, new ShellRun.Output() {
                        @Override
                        public synchronized void out(String text) {
                            inv.out.append(text);
                        }

                        @Override
                        public synchronized void err(String text) {
                            inv.err.append(text);
                        }
                    }, inv.shell.executor());
            CompletableFuture<Integer> f = child.start();
            if (f.isDone()) {
                return f.join();
            }
            inv.pending = f;
            return 0;
        }
        return inv.fail(2, "the lab shell runs scripts given with -c only");
    }

    private int sudo(Invocation inv) {
        int i = 1;
        while (i < inv.args.size() && inv.args.get(i).startsWith("-")) {
            i++;
        }
        if (i >= inv.args.size()) {
            return inv.fail(1, "a command is required");
        }
        Invocation inner = inv.shifted(i);
        int status = run(inner);
        inv.pending = inner.pending;
        return status;
    }
}
