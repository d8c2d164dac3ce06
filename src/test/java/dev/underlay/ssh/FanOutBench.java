package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a unit test: one command on N targets of an in-JVM Apache SSHD server, printing wall time,
 * client CPU per host (CPU of the client's own threads: sshd client I/O and timer threads, Underlay's blocking
 * pool, the calling thread) and the negotiated key exchange. Run with
 * {@code mvn -o -q test -Dtest=FanOutBench -Dbench=true -Dbench.hosts=500 [-Dbench.workers=1]}. The server shares
 * the JVM and the cores; {@link OpenSshInteropTest#fanOutAgainstOpenSsh()} measures against OpenSSH.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class FanOutBench extends SshTestBase {

    /** One measured round. */
    record Round(int hosts, long ok, long lines, long wallNanos, long clientCpuNanos, String kex, String firstFailure) {
        String describe(SshTransport t) {
            return String.format(Locale.ROOT, "fan-out: %d hosts, %d ok, %d lines, wall %.2f s, client CPU %.2f "
                            + "ms/host, kex %s, io workers %d, concurrency %d", hosts, ok, lines, wallNanos / 1e9,
                    clientCpuNanos / 1e6 / hosts, kex, t.settings().effectiveIoWorkers(), t.settings().maxConcurrent());
        }
    }

    @Test
    void oneCommandOnManyHosts() throws Exception {
        int hosts = Integer.getInteger("bench.hosts", 200);
        TestServer server = trustedServer();
        SshTransport t = transport(QUICK.withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ZERO)
                .withLimits(Integer.getInteger("bench.concurrency", 500), 32)
                .withIoWorkers(Integer.getInteger("bench.workers", 0)), PassphraseProvider.NONE);
        IntFunction<SshTarget> target = i -> new SshTarget("h" + i, "127.0.0.1", server.port(), "u" + i, key(),
                List.of());
        round(t, Math.min(hosts, 100), target, "uname -a"); // warm-up: class loading and JIT
        Round r = round(t, hosts, target, "uname -a");
        System.out.println(r.describe(t));
        assertEquals(hosts, r.ok(), r.firstFailure());
    }

    /** Runs the command on targets 0..n-1 in one job and measures it. */
    static Round round(SshTransport t, int n, IntFunction<SshTarget> target, String command) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = clientCpu(mx);
        long wall0 = System.nanoTime();
        List<ExecResult> out = new ArrayList<>(n);
        try (JobConnections job = t.openJob()) {
            List<CompletableFuture<ExecResult>> fs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                fs.add(job.exec(target.apply(i), command, OutputSink.DISCARD).result());
            }
            for (CompletableFuture<ExecResult> f : fs) {
                out.add(f.get(300, TimeUnit.SECONDS));
            }
        }
        long wall = System.nanoTime() - wall0;
        long cpu = clientCpu(mx) - cpu0;
        String firstFailure = out.stream().filter(r -> !r.succeeded()).map(ExecResult::message).findFirst()
                .orElse("");
        return new Round(n, out.stream().filter(ExecResult::succeeded).count(),
                out.stream().mapToLong(ExecResult::stdoutLines).sum(), wall, cpu,
                out.isEmpty() ? "" : out.get(0).keyExchange(), firstFailure);
    }

    private static long clientCpu(ThreadMXBean mx) {
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            ThreadInfo info = mx.getThreadInfo(id);
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.contains("SshClient") || name.startsWith("underlay-ssh") || id == Thread.currentThread().getId()) {
                sum += Math.max(mx.getThreadCpuTime(id), 0);
            }
        }
        return sum;
    }
}
