package dev.underlay.cli;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineQuery;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FailureKind;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.InventoryTargets;
import dev.underlay.ssh.OutputSink;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code underlay exec --on QUERY [--forks N] [--timeout S] [--json] -- COMMAND...}. */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Runs a command on the machines matching a query, many at a time, over SSH.",
            "Each output line is prefixed with its host (stderr lines go to stderr); a summary line ends the run.",
            "Exit status 0 only when every host ran the command and it exited 0. Ctrl-C cancels the run.",
            "Put the command after --, e.g. underlay exec --on tag:web -- uname -a"})
final class ExecCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for cancelled hosts to report before the process ends (CommandRun's grace is 2 s). */
    private static final long INTERRUPT_WAIT_SECONDS = 5;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Option(names = "--on", required = true, paramLabel = "QUERY",
            description = "Machine query ('all' for every machine), e.g. 'site:fra1 tag:web'.")
    private String on;

    @Mixin
    private SshAlgorithmOptions algorithms;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "64",
            description = "Hosts in flight at once (default ${DEFAULT-VALUE}).")
    private int forks;

    @Option(names = "--timeout", paramLabel = "S",
            description = "Stop the command on a host after S seconds (decimals allowed); no limit by default.")
    private Double timeoutSeconds;

    @Option(names = "--json", description = "Print one JSON object per host (JSON Lines, as hosts finish) "
            + "instead of prefixed lines.")
    private boolean json;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command, run by the remote shell.")
    private List<String> command;

    private final AtomicReference<FanOut.Run> run = new AtomicReference<>();
    private final CountDownLatch reported = new CountDownLatch(1);
    private volatile boolean interrupted;

    @Override
    public Integer call() {
        if (forks < 1) {
            throw new CliException("--forks must be at least 1, not " + forks, UnderlayCli.USAGE);
        }
        Duration timeout = timeout();
        MachineQuery query = MachineQuery.parse(on);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CliContext ctx = data.open()) {
            Inventory inv = ctx.inventory().inventory();
            List<Machine> machines = query.select(inv);
            List<String> notes = query.notes(inv);
            if (machines.isEmpty()) {
                throw new CliException("no machine matches '" + on + "'" + (inv.machines().isEmpty()
                        ? " (the inventory in " + ctx.dataFolder() + " is empty; import machines first)"
                        : notes.isEmpty() ? "" : ": " + String.join(". ", notes)));
            }
            notes.forEach(n -> err.println("note: " + n));
            List<FanOut.Planned> plan = InventoryTargets.plan(inv, machines);
            Thread hook = new Thread(this::onCtrlC, "underlay-exec-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            try (ExecOutput output = new ExecOutput(out, err)) {
                return runAll(ctx, plan, timeout, output);
            } finally {
                reported.countDown();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down (Ctrl-C): the hook is running and waits for the summary above
                }
            }
        }
    }

    private int runAll(CliContext ctx, List<FanOut.Planned> plan, Duration timeout, ExecOutput output) {
        ExecJson collected = json ? new ExecJson() : null;
        OutputSink sink = json ? collected : output.prefixed();
        Consumer<ExecResult> onHostDone = r -> {
            if (json) {
                output.out(collected.toJson(r));
            } else if (!r.succeeded() && !(interrupted && r.failure() == FailureKind.CANCELLED)) {
                output.err("underlay: " + ExecSummary.hostLine(r)); // after Ctrl-C the summary counts the cancelled hosts
            }
        };
        long start = System.nanoTime();
        FanOut.Run r = new FanOut(algorithms.transport(ctx)).start(plan, String.join(" ", command), forks, timeout, sink,
                onHostDone);
        run.set(r);
        if (interrupted) {
            r.cancel();
        }
        List<ExecResult> results = r.results().join();
        ExecSummary summary = new ExecSummary(results);
        output.err(summary.line(Duration.ofNanos(System.nanoTime() - start), interrupted));
        summary.hints(on, System.console() != null).forEach(output::err);
        return summary.allOk() ? UnderlayCli.OK : UnderlayCli.FAILURE;
    }

    private Duration timeout() {
        if (timeoutSeconds == null) {
            return null;
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 7 * 24 * 3600) {
            throw new CliException("--timeout must be a number of seconds above 0 (at most a week), not "
                    + timeoutSeconds, UnderlayCli.USAGE);
        }
        return Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    }

    /** Cancels the run as Ctrl-C does: queued hosts never start, running ones are stopped; the summary follows. */
    void interrupt() {
        interrupted = true;
        FanOut.Run r = run.get();
        if (r != null) {
            r.cancel();
        }
    }

    private void onCtrlC() {
        interrupt();
        try {
            reported.await(INTERRUPT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
