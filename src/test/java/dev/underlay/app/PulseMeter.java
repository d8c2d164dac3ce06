package dev.underlay.app;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Times the JavaFX pulses of one scene, as {@code JobLogPaneBenchmarkTest} does: the interval between pulses (the
 * {@code now} an AnimationTimer is given, one per pulse) and the FX thread's work in each pulse, from a timer that
 * runs before the views' own timers to the scene's post-layout pulse listener, split at a second timer that runs
 * after them (the views' timers: the job window's drain and redraw, the log's append) and the rest (CSS, layout and
 * the canvases' painting, which they do in {@code layoutChildren}). Each interval over {@link #SLOW_NS} is kept with
 * the collectors' pause time inside it and the FX work of the pulse that began it, so the report says what the slow
 * ones were made of: a collection or the views' own work. With {@code -Dunderlay.pulseLog=FILE} it also writes
 * each pulse whose FX work took over 25 ms as wall-clock microseconds (start, end) with its two parts, to find that
 * pulse's samples in a flight recording of the same run. The FX thread's CPU time in each pulse's work tells work
 * from waiting: Linux's schedstat gives the time it was runnable but waited for a core. FX thread only.
 */
final class PulseMeter {
    private final Samples intervals = new Samples();
    private final Samples work = new Samples();
    private final Samples timers = new Samples();
    private final Samples layout = new Samples();
    private static final long SLOW_NS = 50_000_000L;
    private final List<Slow> slow = new ArrayList<>();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private long lastGcMs;
    private long pulseStart;
    private long pulseCpuStart;
    private long pulseWaitStart;
    private final Samples workWait = new Samples();
    private final Samples workCpu = new Samples();
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final StringBuilder heavy = new StringBuilder();
    private static final long HEAVY_NS = 25_000_000L;
    private long timersEnd;
    private long lastNow;
    private boolean on;
    private final AnimationTimer first = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulseStart = System.nanoTime();
            pulseCpuStart = threads.getCurrentThreadCpuTime();
            pulseWaitStart = runQueueWait();
            long gc = gcMillis();
            if (on && lastNow != 0) {
                intervals.add(now - lastNow);
                if (now - lastNow > SLOW_NS) {
                    slow.add(new Slow(now - lastNow, (gc - lastGcMs) * 1_000_000L, work.last(), workCpu.last(),
                            workWait.last()));
                }
            }
            lastNow = now;
            lastGcMs = gc;
        }
    };
    private final AnimationTimer last = new AnimationTimer() {
        @Override
        public void handle(long now) {
            timersEnd = System.nanoTime();
        }
    };

    /** Starts the first timer: call before the views' timers start (before their scene is set). */
    void startBefore() {
        first.start();
    }

    /** Starts the second timer and listens to {@code scene}'s pulses: call once the views are in it (and
     * {@link #restartLast} when a view with its own timer comes in later). */
    void startAfter(Scene scene) {
        last.start();
        scene.addPostLayoutPulseListener(() -> {
            long end = System.nanoTime();
            if (on && pulseStart != 0 && timersEnd >= pulseStart) {
                work.add(end - pulseStart);
                workCpu.add(threads.getCurrentThreadCpuTime() - pulseCpuStart);
                workWait.add(runQueueWait() - pulseWaitStart);
                timers.add(timersEnd - pulseStart);
                layout.add(end - timersEnd);
                if (end - pulseStart > HEAVY_NS) { // the wall clock read only for these, at their end
                    java.time.Instant wall = java.time.Instant.now();
                    long endUs = wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1_000;
                    heavy.append(endUs - (end - pulseStart) / 1000).append(' ').append(endUs)
                            .append(' ').append((timersEnd - pulseStart) / 1000).append(' ')
                            .append((end - timersEnd) / 1000).append('\n');
                }
            }
            pulseStart = 0;
        });
    }

    /** Starts the second timer again, after timers started since (a new window's). */
    void restartLast() {
        last.stop();
        last.start();
    }

    /** Starts or stops counting (the timers run on; pulses outside are not counted). */
    void counting(boolean counting) {
        on = counting;
        lastNow = 0;
    }

    void stop() {
        first.stop();
        last.stop();
        on = false;
    }

    /** Writes the heavy pulses to {@code -Dunderlay.pulseLog}'s file, if given: "startUs endUs timersUs restUs". */
    void writeHeavy() throws java.io.IOException {
        String file = System.getProperty("underlay.pulseLog", "");
        if (!file.isEmpty()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), heavy);
        }
    }

    int pulses() {
        return work.size;
    }

    double intervalP99Ms() {
        return intervals.ms(99);
    }

    /** Linux: nanoseconds the calling thread has spent runnable but waiting for a core (0 elsewhere). */
    private static long runQueueWait() {
        try {
            String[] f = java.nio.file.Files.readString(SCHEDSTAT).trim().split(" ");
            return Long.parseLong(f[1]);
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static final java.nio.file.Path SCHEDSTAT = java.nio.file.Path.of("/proc/thread-self/schedstat");

    private long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean c : collectors) {
            ms += Math.max(0, c.getCollectionTime());
        }
        return ms;
    }

    /** The intervals over 50 ms, slowest first (at most eight): each with the collectors' pause time inside it and
     * the FX work of the pulse before it. */
    String slowReport() {
        List<Slow> worst = new ArrayList<>(slow);
        worst.sort(Comparator.comparingLong(Slow::intervalNs).reversed());
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d interval(s) over %d ms", slow.size(),
                SLOW_NS / 1_000_000));
        long gcInside = slow.stream().filter(a -> a.gcNs() > 0).count();
        b.append(String.format(Locale.ROOT, ", %d of them with a collection inside", gcInside));
        for (int i = 0; i < Math.min(8, worst.size()); i++) {
            Slow a = worst.get(i);
            b.append(String.format(Locale.ROOT, "%s%.0f ms (GC %.0f, work before %.0f: on a core %.0f, waiting "
                    + "for one %.0f)", i == 0 ? ": " : "; ", a.intervalNs() / 1e6, a.gcNs() / 1e6,
                    a.workBeforeNs() / 1e6, a.workCpuNs() / 1e6, a.workWaitNs() / 1e6));
        }
        return b.toString();
    }

    String report() {
        return String.format(Locale.ROOT, "%d pulses (%d intervals); interval between pulses %s; FX work per "
                + "pulse %s, of which the views' timers (job window drain, grid, timeline, log append) %s and CSS + "
                + "layout + canvas painting %s; of the FX work, on a core %s, runnable but waiting for a core %s",
                work.size, intervals.size, intervals.summary(), work.summary(), timers.summary(), layout.summary(),
                workCpu.summary(), workWait.summary());
    }

    /** One interval over {@link #SLOW_NS}: its length, the collectors' pause time inside it, and the FX work of the
     * pulse that began it (0 if that pulse was not counted), all in nanoseconds. */
    private record Slow(long intervalNs, long gcNs, long workBeforeNs, long workCpuNs, long workWaitNs) {
    }

    /** A growing list of nanosecond samples. */
    static final class Samples {
        private long[] values = new long[1024];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        /** The newest sample, 0 if none. */
        long last() {
            return size == 0 ? 0 : values[size - 1];
        }

        double ms(int pct) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int i = Math.min(size - 1, (int) Math.ceil(pct / 100.0 * size) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }

        String summary() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", ms(50), ms(99), ms(100));
        }
    }
}
