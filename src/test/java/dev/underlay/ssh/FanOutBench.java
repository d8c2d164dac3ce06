package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a unit test: one command on N targets of an in-JVM Apache SSHD server, printing wall time,
 * client CPU per host (CPU of the client's own threads: sshd client I/O and timer threads, Underlay's blocking
 * pool, the calling thread) and the negotiated key exchange. Run with
 * {@code mvn -o -q test -Dtest=FanOutBench -Dbench=true -Dbench.hosts=500}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class FanOutBench extends SshTestBase {

    @Test
    void oneCommandOnManyHosts() throws Exception {
        int hosts = Integer.getInteger("bench.hosts", 200);
        TestServer server = trustedServer();
        SshTransport t = transport(QUICK.withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ZERO)
                .withLimits(Integer.getInteger("bench.concurrency", 500), 32)
                .withIoWorkers(Integer.getInteger("bench.workers", 0)), PassphraseProvider.NONE);
        run(t, server, Math.min(hosts, 100)); // warm-up: class loading and JIT
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = clientCpu(mx);
        long wall0 = System.nanoTime();
        List<ExecResult> results = run(t, server, hosts);
        long wall = System.nanoTime() - wall0;
        long cpu = clientCpu(mx) - cpu0;
        long ok = results.stream().filter(ExecResult::succeeded).count();
        long lines = results.stream().mapToLong(ExecResult::stdoutLines).sum();
        System.out.printf(Locale.ROOT, "fan-out: %d hosts, %d ok, %d lines, wall %.2f s, client CPU %.2f ms/host, "
                        + "kex %s, io workers %d, threads now %d%n", hosts, ok, lines, wall / 1e9, cpu / 1e6 / hosts,
                results.get(0).keyExchange(), t.settings().effectiveIoWorkers(), Thread.activeCount());
        if (Boolean.getBoolean("bench.threads")) {
            for (long id : mx.getAllThreadIds()) {
                java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
                if (info != null) {
                    System.out.printf(Locale.ROOT, "  %-60s %8.1f ms%n", info.getThreadName(),
                            mx.getThreadCpuTime(id) / 1e6);
                }
            }
        }
        assertEquals(hosts, ok, failures(results));
    }

    private List<ExecResult> run(SshTransport t, TestServer server, int n) throws Exception {
        AtomicLong seen = new AtomicLong();
        try (JobConnections job = t.openJob()) {
            List<CompletableFuture<ExecResult>> fs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                SshTarget target = new SshTarget("h" + i, "127.0.0.1", server.port(), "u" + i, key(), List.of());
                fs.add(job.exec(target, "uname -a", (h, s, at, l) -> seen.incrementAndGet()).result());
            }
            List<ExecResult> out = new ArrayList<>(n);
            for (CompletableFuture<ExecResult> f : fs) {
                out.add(f.get(300, TimeUnit.SECONDS));
            }
            return out;
        }
    }

    private static long clientCpu(ThreadMXBean mx) {
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            java.lang.management.ThreadInfo info = mx.getThreadInfo(id);
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            boolean client = name.contains("SshClient") || name.startsWith("underlay-ssh")
                    || id == Thread.currentThread().getId();
            if (client) {
                long c = mx.getThreadCpuTime(id);
                sum += Math.max(c, 0);
            }
        }
        return sum;
    }
}
