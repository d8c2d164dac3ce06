package dev.underlay.lab;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark (a main, not a test): starts a lab of N hosts, prints start time, heap per host, thread count, and the
 * wall time of rounds of one command per host through Apache SSHD's client (client and server in this JVM).
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -XX:+UseG1GC -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.underlay.lab.LabBench 1000 32
 * </pre>
 */
public final class LabBench {
    private LabBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int base = args.length > 2 ? Integer.parseInt(args[2]) : 0; // 0: free ports
        Path folder = Files.createTempDirectory("lab-bench");
        List<LabHost> hosts = LabFixtures.hosts(n, base);
        long heap0 = usedHeap();
        int threads0 = ManagementFactory.getThreadMXBean().getThreadCount();
        long t0 = System.nanoTime();
        try (Lab lab = Lab.start(hosts, folder, FaultSpec.NONE)) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            long heap1 = usedHeap();
            int threads1 = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf("hosts %d, start %d ms, heap %.1f MB (%.1f KB per host), threads +%d%n", n, startMs,
                    (heap1 - heap0) / 1e6, (heap1 - heap0) / 1e3 / n, threads1 - threads0);
            try (LabClient client = new LabClient(lab)) {
                round(lab, client, concurrency, "hostname", "round 1 (cold)");
                round(lab, client, concurrency, "hostname", "round 2 (warm)");
                round(lab, client, concurrency, "cat /etc/os-release > /tmp/os && uname -r && nproc",
                        "round 3 (writes a file on every host)");
                long heap2 = usedHeap();
                System.out.printf("heap after rounds %.1f MB (%.1f KB per host, every host's file system created)%n",
                        (heap2 - heap0) / 1e6, (heap2 - heap0) / 1e3 / n);
                System.out.printf("threads while serving: %d in the JVM; by name: %s%n",
                        ManagementFactory.getThreadMXBean().getThreadCount(), threadsByName());
            }
        }
        long t1 = System.nanoTime();
        try (Lab again = Lab.start(hosts, folder, FaultSpec.NONE)) {
            System.out.printf("restart (keys on disk, warm JVM): %d ms for %d hosts%n",
                    (System.nanoTime() - t1) / 1_000_000, again.hosts().size());
        }
    }

    private static void round(Lab lab, LabClient client, int concurrency, String command, String label)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        try {
            List<Future<LabClient.Result>> fs = new ArrayList<>();
            for (LabHost h : lab.hosts()) {
                fs.add(pool.submit(() -> client.exec(h.port(), command)));
            }
            int ok = 0;
            for (Future<LabClient.Result> f : fs) {
                LabClient.Result r = f.get();
                if (r.exit() != null && r.exit() == 0) {
                    ok++;
                }
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("%s: %d/%d ok in %d ms wall (%.0f sessions/s, %.1f ms CPU per session, client"
                    + " and server)%n", label, ok, fs.size(), ms, fs.size() * 1000.0 / Math.max(1, ms),
                    (cpuNanos() - cpu0) / 1e6 / fs.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.Map<String, Long> threadsByName() {
        return Thread.getAllStackTraces().keySet().stream().collect(java.util.stream.Collectors.groupingBy(
                t -> t.getName().replaceAll("[-_]?\\d+$", "").replaceAll("\\[.*]", "[..]"),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
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
