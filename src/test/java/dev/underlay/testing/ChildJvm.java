package dev.underlay.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A separate JVM running one main class of this build (the test classpath), started directly (no shell in
 * between), so that {@link #pid()} is the JVM's own PID and a signal sent to it reaches the JVM itself. Its output
 * lines are collected with the time they arrived. SIGINT is restored to its default disposition first
 * ({@code env --default-signal=INT}, which then execs java under the same PID), because a JVM started from a
 * background job inherits an ignored SIGINT and would never see Ctrl-C.
 */
public final class ChildJvm implements AutoCloseable {
    /** The signals a person or a service manager sends. */
    public enum Signal { KILL, TERM, INT }

    private final Process process;
    private final long startNanos;
    private final List<Line> lines = new ArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();

    /** One output line; {@code atMillis} since the child started. */
    public record Line(long atMillis, boolean stderr, String text) {
    }

    private ChildJvm(Process process, long startNanos) {
        this.process = process;
        this.startNanos = startNanos;
        pump(process.getInputStream(), false);
        pump(process.getErrorStream(), true);
    }

    /** Starts {@code main} with {@code args} and the JVM options the product runs with (decisions 0005, 0037, 0038). */
    public static ChildJvm start(Class<?> main, List<String> args) throws IOException {
        return start(main, List.of(), args);
    }

    /** The same, with more JVM options (system properties, ...). */
    public static ChildJvm start(Class<?> main, List<String> jvmOptions, List<String> args) throws IOException {
        return start(main, 0, jvmOptions, args);
    }

    /**
     * The same at a lower scheduling priority, {@code nice} 1-19 where {@code /usr/bin/nice} is (it execs java,
     * so the PID is still the JVM's own); 0 runs it at ours.
     */
    public static ChildJvm start(Class<?> main, int niceness, List<String> jvmOptions, List<String> args)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/env")) && envCanResetSignals()) {
            cmd.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        }
        if (niceness > 0 && Files.isExecutable(Path.of("/usr/bin/nice"))) {
            cmd.addAll(List.of("/usr/bin/nice", "-n", Integer.toString(niceness)));
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-Xmx1g"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("UNDERLAY_HOME");
        return new ChildJvm(pb.start(), System.nanoTime());
    }

    private static volatile Boolean envResets;

    private static boolean envCanResetSignals() {
        if (envResets == null) {
            try {
                Process p = new ProcessBuilder("/usr/bin/env", "--default-signal=INT", "true")
                        .redirectErrorStream(true).start();
                envResets = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                envResets = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                envResets = false;
            }
        }
        return envResets;
    }

    private void pump(InputStream in, boolean stderr) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String s;
                while ((s = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(new Line(millis(), stderr, s));
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
        }, "child-" + (stderr ? "err" : "out"));
        t.setDaemon(true);
        t.start();
        pumps.add(t);
    }

    /** The JVM's own process id. */
    public long pid() {
        return process.pid();
    }

    /** Milliseconds since this child was started. */
    public long millis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Waits for an output line matching {@code p}; the line, or null when the child ended or the time ran out. */
    public Line awaitLine(Predicate<String> p, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (p.test(lines.get(seen).text())) {
                        return lines.get(seen);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && seen == lines.size())) {
                    return null;
                }
                lines.wait(Math.min(left, 50));
            }
        }
    }

    /**
     * Sends {@code s} to the JVM (its own PID) with {@code kill}, as a person or a service manager would; false
     * when the child had already ended. Not
     * {@link Process#destroy()}: that also closes our ends of the child's pipes, and what the child prints after
     * the signal (the very line a stop must print) would be lost.
     */
    public boolean signal(Signal s) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            return false; // it ended first
        }
        Process k = new ProcessBuilder("kill", "-" + s.name(), Long.toString(pid()))
                .redirectErrorStream(true).start();
        boolean sent = k.waitFor(10, TimeUnit.SECONDS) && k.exitValue() == 0;
        if (!sent && process.isAlive()) {
            throw new IOException("kill -" + s.name() + " " + pid() + " failed");
        }
        return sent;
    }

    /** Waits for the child to end; its exit code, or -1 if it is still running after {@code timeoutMillis}. */
    public int waitFor(long timeoutMillis) throws InterruptedException {
        if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return -1;
        }
        for (Thread t : pumps) {
            t.join(10_000); // the last lines the child printed
        }
        return process.exitValue();
    }

    /** Everything printed so far. */
    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The text printed on standard error, one line per line. */
    public String stderr() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines()) {
            if (l.stderr()) {
                sb.append(l.text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Ends the child if it still runs (SIGKILL to its own PID). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
