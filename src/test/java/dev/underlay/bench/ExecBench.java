package dev.underlay.bench;

import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.HostKeyStore;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.KnownHostsImport;
import dev.underlay.ssh.MemoryHostKeys;
import dev.underlay.ssh.OutputSink;
import dev.underlay.ssh.PassphraseProvider;
import dev.underlay.ssh.SshAuth;
import dev.underlay.ssh.SshSettings;
import dev.underlay.ssh.SshTarget;
import dev.underlay.ssh.SshTransport;
import dev.underlay.ssh.StreamKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench/underlay-bench exec}: runs one command on every host of the OpenSSH lab through {@link FanOut}, from a
 * warm JVM, measured like the lab's baseline.sh (wall, this process's CPU, the lab servers' CPU, other processes' CPU),
 * host keys verified against the lab's known_hosts. A host counts only when a line containing {@code expect} came
 * back on stdout and the command exited 0.
 */
public final class ExecBench {
    /** One timed run: what baseline.sh writes as a raw TSV row, plus the negotiated key exchange. */
    public record Run(int rep, double wall, double client, double server, double foreign, int ok, int hosts,
                      int tries, boolean noisy, String keyExchange, String firstFailure) {
        /** The baseline.sh raw row: tool conc N rep wall client server foreign ok fail tries noisy. */
        public String tsv(String label, int forks) {
            return String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t%d\t%d\t%d\t%d", label, forks,
                    hosts, rep, wall, client, server, foreign, ok, hosts - ok, tries, noisy ? 1 : 0);
        }
    }

    private final OpenSshLab lab;
    private final int forks;
    private final String command;
    private final String expect;
    private final PrintWriter log;
    private int quietWait = 120;
    private int tries = 3;
    private int warmups = 2;

    public ExecBench(OpenSshLab lab, int forks, String command, String expect, PrintWriter log) {
        this.lab = lab;
        this.forks = forks;
        this.command = command;
        this.expect = expect;
        this.log = log;
    }

    /** Seconds to wait for an idle box before each run, and runs per rep while others disturb it (baseline.sh). */
    public ExecBench patience(int quietWaitSeconds, int triesPerRep) {
        this.quietWait = quietWaitSeconds;
        this.tries = Math.max(1, triesPerRep);
        return this;
    }

    /**
     * Untimed rounds on every host before the timed ones (at least 1): the JIT compiles the hot paths (crypto,
     * packet codec) during the first rounds, and its CPU counts as this process's.
     */
    public ExecBench warmups(int rounds) {
        this.warmups = Math.max(1, rounds);
        return this;
    }

    /**
     * Imports the lab's known_hosts, runs the warm-up rounds (their figures printed, the first one being the cold
     * JVM's), then {@code reps} timed rounds (each after the box went
     * quiet, redone up to 3 times when other processes used CPU meanwhile); each row goes to {@code rows}.
     */
    public List<Run> run(int reps, java.util.function.Consumer<Run> rows) throws IOException, InterruptedException {
        HostKeyStore store = new HostKeyStore(new MemoryHostKeys(), Clock.systemUTC());
        KnownHostsImport.Report imported = KnownHostsFileImport.run(store, lab.knownHosts(),
                lab.hosts().stream().map(OpenSshLab.Host::endpoint).toList());
        log.printf("host keys: %d imported from %s (%d skipped)%n", imported.added(), lab.knownHosts(),
                imported.skipped());
        SshSettings settings = SshSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(120)).withLimits(Math.max(forks, 1), 32);
        SshAuth auth = new SshAuth.KeyFile(lab.clientKey(), "");
        List<FanOut.Planned> planned = lab.hosts().stream().map(h -> FanOut.Planned.of(
                SshTarget.direct(h.name(), h.address(), h.port(), lab.user(), auth))).toList();
        CpuMeter meter = new CpuMeter(lab.pids());
        List<Run> runs = new java.util.ArrayList<>();
        try (SshTransport transport = new SshTransport(settings, store, CredentialSecrets.NONE,
                PassphraseProvider.NONE)) {
            FanOut fanOut = new FanOut(transport);
            log.printf("io workers %d, forks %d, load %s%n", settings.effectiveIoWorkers(), forks,
                    CpuMeter.loadAverage());
            for (int w = 1; w <= warmups; w++) {
                Run warm = once(fanOut, planned, meter, 0, 1);
                log.printf(Locale.ROOT, "warm-up %d%s: %d/%d ok in %.2f s, client CPU %.2f ms/host, kex %s%s%n", w,
                        w == 1 ? " (cold JVM, JIT included)" : "", warm.ok(), warm.hosts(), warm.wall(),
                        warm.client() * 1000 / warm.hosts(), warm.keyExchange(),
                        warm.firstFailure().isEmpty() ? "" : ", first failure: " + warm.firstFailure());
            }
            for (int rep = 1; rep <= reps; rep++) {
                Run r = null;
                for (int tryNo = 1; tryNo <= tries; tryNo++) {
                    if (!CpuMeter.waitQuiet(quietWait)) {
                        log.println("  box never went quiet; measuring anyway (load " + CpuMeter.loadAverage() + ")");
                    }
                    r = once(fanOut, planned, meter, rep, tryNo);
                    if (!r.noisy()) {
                        break;
                    }
                    log.printf(Locale.ROOT, "  rep %d: %.1f s CPU used by other processes meanwhile (load %s)%n", rep,
                            r.foreign(), CpuMeter.loadAverage());
                }
                runs.add(r);
                rows.accept(r);
            }
        }
        return runs;
    }

    private Run once(FanOut fanOut, List<FanOut.Planned> planned, CpuMeter meter, int rep, int tryNo)
            throws IOException, InterruptedException {
        AtomicLong matched = new AtomicLong();
        OutputSink sink = (host, stream, at, line) -> {
            if (stream == StreamKind.STDOUT && line.contains(expect)) {
                matched.incrementAndGet();
            }
        };
        java.util.Map<String, Double> k0 = CpuMeter.threadCpu(CpuMeter::jvmKind);
        double s0 = meter.serverCpu();
        double m0 = CpuMeter.machineBusy();
        double c0 = CpuMeter.processCpu();
        long t0 = System.nanoTime();
        List<ExecResult> results;
        try {
            results = fanOut.start(planned, command, forks, null, sink, r -> { }).results()
                    .get(15, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the fan-out did not finish: " + e.getMessage(), e);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double c1 = CpuMeter.processCpu();
        double client = c1 - c0;
        StringBuilder split = new StringBuilder();
        CpuMeter.byKind(k0, CpuMeter.threadCpu(CpuMeter::jvmKind)).forEach((kind, cpu) ->
                split.append(String.format(Locale.ROOT, " %s %.2f s", kind, cpu)));
        log.println("  client CPU by thread:" + split);
        meter.settle();
        double server = meter.serverCpu() - s0;
        // the meter's own work (waiting for the sessions to be reaped, reading /proc) is neither client, server
        // nor another process: leave it out of the foreign figure
        double foreign = CpuMeter.machineBusy() - m0 - client - server - (CpuMeter.processCpu() - c1);
        int okHosts = (int) results.stream().filter(ExecResult::succeeded).count();
        // a host counts only when its uname line came back: never more hosts than matched lines
        int ok = (int) Math.min(okHosts, matched.get());
        boolean noisy = foreign > 0.5 + 0.05 * (client + server) + 0.04 * wall;
        String kex = results.stream().map(ExecResult::keyExchange).filter(k -> !k.isEmpty()).findFirst().orElse("");
        String firstFailure = results.stream().filter(r -> !r.succeeded()).map(ExecResult::message).findFirst()
                .orElse("");
        return new Run(rep, wall, client, server, foreign, ok, planned.size(), tryNo, noisy, kex,
                firstFailure);
    }
}
