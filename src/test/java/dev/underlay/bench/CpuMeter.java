package dev.underlay.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU accounting as the lab's baseline.sh does it: this process's CPU, the lab servers' CPU (utime + stime +
 * cutime + cstime of each sshd listener, so finished session children count too) and the whole machine's busy time
 * (/proc/stat), all in seconds. Linux only.
 */
public final class CpuMeter {
    /** USER_HZ: clock ticks per second of /proc figures; 100 on every Linux this runs on. */
    static final double HZ = 100.0;

    private final List<Long> serverPids;

    CpuMeter(List<Long> serverPids) {
        this.serverPids = serverPids;
    }

    /** User + system CPU of this JVM (all its threads: I/O, GC, JIT), in seconds. */
    public static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /**
     * The kind of a JVM thread by its name as /proc gives it (the first 15 characters): "jit" (compiler threads),
     * "gc", or "other".
     */
    public static String jvmKind(String threadName) {
        return threadName.contains("Compiler") ? "jit"
                : threadName.startsWith("GC ") || threadName.startsWith("G1 ") ? "gc" : "other";
    }

    /**
     * This JVM's threads and their CPU so far, in seconds, keyed by thread id with its kind (as {@code kindOf}
     * names it from the thread's name) in front: {@code "jit 23"}. From /proc/self/task (Linux; elsewhere empty);
     * see {@link #byKind}.
     */
    public static java.util.Map<String, Double> threadCpu(java.util.function.UnaryOperator<String> kindOf)
            throws IOException {
        java.util.Map<String, Double> threads = new java.util.HashMap<>();
        Path self = Path.of("/proc/self/task");
        if (!Files.isDirectory(self)) {
            return threads;
        }
        try (java.nio.file.DirectoryStream<Path> tasks = Files.newDirectoryStream(self)) {
            for (Path task : tasks) {
                String s;
                try {
                    s = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String kind = kindOf.apply(s.substring(s.indexOf('(') + 1, s.lastIndexOf(')')));
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                threads.put(kind + " " + task.getFileName(), (Long.parseLong(f[11]) + Long.parseLong(f[12])) / HZ);
            }
        }
        return threads;
    }

    /**
     * CPU used between two {@link #threadCpu} snapshots, by kind of thread: where a round's client CPU went.
     * A thread that ended in between (the JVM stops idle compiler threads) counts only up to the first snapshot.
     */
    public static java.util.Map<String, Double> byKind(java.util.Map<String, Double> before,
                                                       java.util.Map<String, Double> after) {
        java.util.Map<String, Double> kinds = new java.util.TreeMap<>();
        after.forEach((thread, cpu) -> kinds.merge(thread.substring(0, thread.indexOf(' ')),
                cpu - before.getOrDefault(thread, 0.0), Double::sum));
        return kinds;
    }

    /** CPU of the lab's sshd listeners and their reaped children, in seconds. */
    double serverCpu() throws IOException {
        long ticks = 0;
        for (long pid : serverPids) {
            ticks += statTicks(pid);
        }
        return ticks / HZ;
    }

    /** Busy time of the whole machine (user, nice, system, irq, softirq, steal), in seconds. */
    static double machineBusy() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long t = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]) + Long.parseLong(f[8]);
                return t / HZ;
            }
        }
        throw new IOException("/proc/stat has no cpu line");
    }

    /** One-minute load average, for the record. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Waits up to {@code maxSeconds} for a one-second window in which the machine is at most 5% busy (baseline.sh's
     * rule); returns false when it never got quiet.
     */
    static boolean waitQuiet(int maxSeconds) throws IOException, InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < maxSeconds; i++) {
            double a = machineBusy();
            Thread.sleep(1000);
            double b = machineBusy();
            if ((b - a) <= 0.05 * cores) {
                return true;
            }
        }
        return false;
    }

    /** Waits up to 10 s until no lab listener has a live child, so every session's CPU has been reaped. */
    void settle() throws IOException, InterruptedException {
        java.util.Set<Long> listeners = new java.util.HashSet<>(serverPids);
        for (int i = 0; i < 100; i++) {
            if (!anyChildOf(listeners)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /** One pass over /proc: is any process's parent one of these? (ProcessHandle.children scans /proc per call.) */
    private static boolean anyChildOf(java.util.Set<Long> parents) throws IOException {
        try (java.nio.file.DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"),
                p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                String s;
                try {
                    s = Files.readString(proc.resolve("stat"));
                } catch (IOException gone) {
                    continue; // exited meanwhile
                }
                // after "pid (comm) ": state, then the parent's pid
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ", 3);
                if (parents.contains(Long.parseLong(f[1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long statTicks(long pid) throws IOException {
        String s;
        try {
            s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("lab server process " + pid + " is gone (is the lab still up?)", e);
        }
        // fields after the parenthesised command name, which may contain spaces
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        // field 14 of stat (utime) is index 11 here: fields 3.. start at index 0
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
}
