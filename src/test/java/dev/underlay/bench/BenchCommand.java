package dev.underlay.bench;

import dev.underlay.cli.CliException;
import dev.underlay.cli.UnderlayCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench/underlay-bench}: speed figures (docs/benchmarks.md, bench/ssh-fanout.sh). Benchmark code lives with the
 * tests, never in the product's jar; {@link #main} runs it from {@code target/test-classes}.
 */
@Command(name = "underlay-bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: SSH fan-out against the OpenSSH lab, and the simulated lab.",
        subcommands = {BenchCommand.Exec.class, BenchCommand.SimLab.class})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return UnderlayCli.USAGE;
    }

    /** Runs one bench command and exits with its code: 0 every host ok, 1 not, 2 wrong usage. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /** Runs one bench command with its output on {@code out} and a one-line error on {@code err}. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("underlay-bench: " + (ex instanceof CliException || ex instanceof IOException
                    ? ex.getMessage() : ex.toString()));
            return ex instanceof CliException c ? c.exitCode() : UnderlayCli.FAILURE;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code bench/underlay-bench exec}: one command on every host of the OpenSSH lab, timed from a warm JVM. */
    @Command(name = "exec", mixinStandardHelpOptions = true,
            description = {"Runs a command on every host of the OpenSSH lab (lab-up.sh) through FanOut: a warm-up",
                "round, then REPS timed rounds; prints wall, CPU and key exchange; --out appends baseline.sh rows."})
    static final class Exec implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--lab", defaultValue = "/tmp/underlay-lab",
                description = "lab folder (default ${DEFAULT-VALUE})")
        Path lab;

        @Option(names = "--reps", defaultValue = "3", description = "timed rounds (default ${DEFAULT-VALUE})")
        int reps;

        @Option(names = "--warmups", defaultValue = "2",
                description = "untimed rounds first, the first one cold (default ${DEFAULT-VALUE})")
        int warmups;

        @Option(names = "--forks", defaultValue = "200", description = "hosts in flight (default ${DEFAULT-VALUE})")
        int forks;

        @Option(names = "--command", defaultValue = "uname -a",
                description = "remote command (default ${DEFAULT-VALUE})")
        String command;

        @Option(names = "--expect", description = "text a good output line contains (default: 'Linux <hostname> ')")
        String expect;

        @Option(names = "--label", defaultValue = "underlay", description = "tool column of the rows")
        String label;

        @Option(names = "--quiet-wait", defaultValue = "120",
                description = "seconds to wait for an idle box before each run (default ${DEFAULT-VALUE})")
        int quietWait;

        @Option(names = "--tries", defaultValue = "3",
                description = "runs per rep while other processes disturb it (default ${DEFAULT-VALUE})")
        int tries;

        @Option(names = "--out", description = "raw TSV file (baseline.sh format) to append the timed rows to")
        Path out;

        @Override
        public Integer call() throws Exception {
            PrintWriter o = spec.commandLine().getOut();
            if (reps < 1 || forks < 1 || warmups < 1) {
                throw new CliException("--reps, --warmups and --forks must be at least 1", UnderlayCli.USAGE);
            }
            OpenSshLab l = OpenSshLab.load(lab);
            String match = expect != null ? expect : "Linux " + Files.readString(
                    Path.of("/proc/sys/kernel/hostname")).trim() + " ";
            o.printf("bench exec: %d hosts of %s, '%s', forks %d, %d warm-up rounds, %d reps%n", l.hosts().size(), lab,
                    command, forks, warmups, reps);
            o.flush();
            if (out != null && (!Files.exists(out) || Files.size(out) == 0)) {
                Files.writeString(out, "tool\tconc\tN\trep\twall_s\tclient_cpu_s\tserver_cpu_s\tforeign_cpu_s\tok\t"
                        + "fail\ttries\tnoisy\n", StandardCharsets.UTF_8);
            }
            ExecBench bench = new ExecBench(l, forks, command, match, o).patience(quietWait, tries).warmups(warmups);
            List<ExecBench.Run> runs = bench.run(reps, r -> {
                String row = r.tsv(label, forks);
                o.println(row + "\tkex=" + r.keyExchange()
                        + (r.firstFailure().isEmpty() ? "" : "\tfirst failure: " + r.firstFailure()));
                o.flush();
                if (out != null) {
                    try {
                        Files.writeString(out, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            });
            int n = l.hosts().size();
            o.printf(Locale.ROOT, "median of %d: wall %.2f s, client CPU %.2f ms/host, server CPU %.1f ms/host, "
                            + "kex %s, ok %d/%d%n", runs.size(), median(runs, ExecBench.Run::wall),
                    median(runs, ExecBench.Run::client) * 1000 / n, median(runs, ExecBench.Run::server) * 1000 / n,
                    runs.get(0).keyExchange(), runs.stream().mapToInt(ExecBench.Run::ok).min().orElse(0), n);
            return runs.stream().allMatch(r -> r.ok() == n) ? UnderlayCli.OK : UnderlayCli.FAILURE;
        }

        private static double median(List<ExecBench.Run> runs, java.util.function.ToDoubleFunction<ExecBench.Run> f) {
            double[] v = runs.stream().mapToDouble(f).toArray();
            Arrays.sort(v);
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
    }

    /** {@code bench/underlay-bench lab}: the in-JVM simulated lab with many hosts. */
    @Command(name = "lab", mixinStandardHelpOptions = true,
            description = "Starts N simulated hosts and runs uname -a on each through FanOut, counting every line.")
    static final class SimLab implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--hosts", defaultValue = "1000", description = "simulated hosts (default ${DEFAULT-VALUE})")
        int hosts;

        @Option(names = "--base-port", defaultValue = "0",
                description = "first port of consecutive ones (default 0: free ports the system picks)")
        int basePort;

        @Option(names = "--forks", defaultValue = "200", description = "hosts in flight (default ${DEFAULT-VALUE})")
        int forks;

        @Option(names = "--rounds", defaultValue = "3",
                description = "rounds, the first one cold (default ${DEFAULT-VALUE})")
        int rounds;

        @Override
        public Integer call() throws Exception {
            if (hosts < 1 || hosts > 10_000 || forks < 1 || rounds < 1) {
                throw new CliException("--hosts must be 1-10000, --forks and --rounds at least 1", UnderlayCli.USAGE);
            }
            boolean ok = new SimulatedLabBench(hosts, basePort, forks, spec.commandLine().getOut()).run(rounds);
            return ok ? UnderlayCli.OK : UnderlayCli.FAILURE;
        }
    }
}
