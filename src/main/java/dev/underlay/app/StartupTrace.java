package dev.underlay.app;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a start's time goes, one line per phase on stderr, when {@code -Dunderlay.startup.trace=true} or the
 * environment variable {@code UNDERLAY_STARTUP_TRACE=1} is set (docs/benchmarks.md, "Start-up phases"): the wall
 * time since the process started and the process's CPU time (all threads, user + system), both from the kernel's
 * accounting ({@link ProcessHandle.Info}), so that a busy machine's figures still say what the start itself cost.
 *
 * <p>Static on purpose, unlike everything else (wiring is constructor injection): a start has one timeline, it
 * begins before anything is wired, and a mark must cost nothing when tracing is off (one boolean read).
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("underlay.startup.trace")
            || "1".equals(System.getenv("UNDERLAY_STARTUP_TRACE"));
    private static final PrintStream OUT = System.err;
    private static long lastCpu;
    private static long lastWall;

    private StartupTrace() {
    }

    /** True when phases are printed. */
    public static boolean on() {
        return ON;
    }

    /** Prints one line for the phase that ends now: {@code startup: PHASE +wall ms (at T ms) cpu +C ms (C total)}. */
    public static synchronized void mark(String phase) {
        if (!ON) {
            return;
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        long wall = info.startInstant().map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        long cpu = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        OUT.printf("startup: %-26s wall +%4d ms (at %5d)   cpu +%4d ms (%5d)%n", phase, wall - lastWall, wall,
                cpu - lastCpu, cpu);
        lastWall = wall;
        lastCpu = cpu;
    }
}
