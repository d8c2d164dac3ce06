package dev.underlay.bench;

import dev.underlay.inventory.CredentialSecrets;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.Lab;
import dev.underlay.lab.LabHost;
import dev.underlay.lab.LabInventory;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.ExecResult;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.HostKeyStore;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.MemoryHostKeys;
import dev.underlay.ssh.OutputSink;
import dev.underlay.ssh.PassphraseProvider;
import dev.underlay.ssh.SshAuth;
import dev.underlay.ssh.SshSettings;
import dev.underlay.ssh.SshTarget;
import dev.underlay.ssh.SshTransport;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench/underlay-bench lab}: starts N simulated hosts of the in-JVM lab, prints start time, heap and threads,
 * then runs one command per host through {@link FanOut} (host keys verified against the lab's known_hosts) and counts
 * every line that came back. Client and server share this JVM, so CPU figures are both sides together.
 */
public final class SimulatedLabBench {
    private final int hosts;
    private final int basePort;
    private final int forks;
    private final PrintWriter out;

    public SimulatedLabBench(int hosts, int basePort, int forks, PrintWriter out) {
        this.hosts = hosts;
        this.basePort = basePort;
        this.forks = forks;
        this.out = out;
    }

    /** Runs the bench; returns true when every host answered with exactly one line. */
    public boolean run(int rounds) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("underlay-bench-lab");
        long now = System.currentTimeMillis() / 1000;
        List<LabHost> labHosts = LabInventory.machines(hosts, basePort).stream().map(m -> LabHost.of(m, now))
                .toList();
        long heap0 = usedHeap();
        int threads0 = ManagementFactory.getThreadMXBean().getThreadCount();
        long t0 = System.nanoTime();
        boolean allOk = true;
        try (Lab lab = Lab.start(labHosts, folder, FaultSpec.NONE)) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            long heap1 = usedHeap();
            labHosts = lab.hosts(); // with the ports they listen on (free ones for base port 0)
            out.printf(Locale.ROOT, "simulated lab: %d hosts on 127.0.0.1 %s %d-%d started in %d ms, heap +%.1f MB "
                            + "(%.1f KB per host), threads +%d%n", hosts, basePort == 0 ? "free ports between"
                            : "ports", lab.status().firstPort(), lab.status().lastPort(), startMs,
                    (heap1 - heap0) / 1e6, (heap1 - heap0) / 1e3 / hosts,
                    ManagementFactory.getThreadMXBean().getThreadCount() - threads0);
            HostKeyStore store = new HostKeyStore(new MemoryHostKeys(), Clock.systemUTC());
            List<Endpoint> endpoints = labHosts.stream().map(h -> new Endpoint("127.0.0.1", h.port())).toList();
            KnownHostsFileImport.run(store, lab.knownHosts(), endpoints);
            SshAuth auth = new SshAuth.KeyFile(lab.clientKey(), "");
            List<FanOut.Planned> planned = labHosts.stream().map(h -> FanOut.Planned.of(
                    SshTarget.direct(h.name(), "127.0.0.1", h.port(), "bench", auth))).toList();
            SshSettings settings = SshSettings.DEFAULTS.withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60),
                    Duration.ofSeconds(120)).withLimits(Math.max(forks, 1), 32);
            try (SshTransport transport = new SshTransport(settings, store, CredentialSecrets.NONE,
                    PassphraseProvider.NONE)) {
                FanOut fanOut = new FanOut(transport);
                for (int round = 1; round <= rounds; round++) {
                    allOk &= round(fanOut, planned, round == 1 ? "round 1 (cold JVM)" : "round " + round + " (warm)");
                }
                long heap2 = usedHeap();
                out.printf(Locale.ROOT, "heap after the rounds +%.1f MB (%.1f KB per host); threads in the JVM: %d%n",
                        (heap2 - heap0) / 1e6, (heap2 - heap0) / 1e3 / hosts,
                        ManagementFactory.getThreadMXBean().getThreadCount());
            }
        }
        return allOk;
    }

    private boolean round(FanOut fanOut, List<FanOut.Planned> planned, String label)
            throws IOException, InterruptedException {
        AtomicLong lines = new AtomicLong();
        OutputSink sink = (h, s, at, line) -> lines.incrementAndGet();
        double c0 = CpuMeter.processCpu();
        long t0 = System.nanoTime();
        List<ExecResult> results;
        try {
            results = fanOut.start(planned, "uname -a", forks, null, sink, r -> { }).results()
                    .get(10, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the fan-out on the simulated lab did not finish: " + e.getMessage(), e);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = CpuMeter.processCpu() - c0;
        long ok = results.stream().filter(ExecResult::succeeded).count();
        long stdout = results.stream().mapToLong(ExecResult::stdoutLines).sum();
        String kex = results.stream().map(ExecResult::keyExchange).filter(k -> !k.isEmpty()).findFirst().orElse("");
        out.printf(Locale.ROOT, "%s: %d/%d ok, %d lines counted by the sink (%d reported), wall %.2f s, "
                        + "CPU %.1f ms per host (client and lab server together), kex %s%n", label, ok,
                planned.size(), lines.get(), stdout, wall, cpu * 1000 / planned.size(), kex);
        results.stream().filter(r -> !r.succeeded()).limit(3).forEach(r -> out.println("  " + r.message()));
        out.flush();
        return ok == planned.size() && lines.get() == planned.size();
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
