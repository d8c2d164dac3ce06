package dev.underlay.automation.jobs;

import dev.underlay.ssh.StreamKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue between the threads that report (SSH I/O threads) and the {@link JobLog}'s writer, bounded in output
 * lines and in bytes of their text. A line that finds it full waits for room up to {@link Limits#waitMillis()}
 * (backpressure: the SSH window fills and the hosts slow down); if there is still none, the log is behind for good
 * and the queue sheds: that line and the following ones are counted per host, step and stream, not queued, without
 * waiting, until the queue is down to half. The writer turns each count into a stored line saying how many were
 * dropped ({@link #takeGaps()}). Job, host and step changes are never refused: they are few and a job's state must
 * not be lost.
 */
final class LogQueue {
    /** Lines and bytes the queue holds at most, and how long one line waits for room before lines are dropped. */
    record Limits(int lines, long bytes, long waitMillis) {
        /** About 100 MB of heap at most: five seconds of 100,000 lines/s. */
        static final Limits DEFAULT = new Limits(500_000, 64L << 20, 250);
    }

    /**
     * A line as queued, not yet numbered: the writer numbers lines in the order it takes them, so a reader that asks
     * for the lines after the last seq it read never misses one that another thread queued a moment later.
     */
    record Line(long job, String host, int step, StreamKind stream, java.time.Instant at, String text) {
    }

    /** Where lines were dropped. */
    record Gap(long job, String host, int step, StreamKind stream) {
    }

    /** Heap a queued line takes besides its text (the records, the timestamp, the queue's node), roughly. */
    static final int LINE_OVERHEAD = 120;

    private final Limits limits;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger events = new AtomicInteger();
    private final AtomicInteger lines = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<Gap, AtomicLong> gaps = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Object room = new Object();
    private volatile boolean shedding;

    LogQueue(Limits limits) {
        this.limits = limits;
    }

    Limits limits() {
        return limits;
    }

    /** Queues a change that is never refused; returns the events now queued. */
    int put(Object event) {
        queue.add(event);
        return events.incrementAndGet();
    }

    /**
     * Makes room for one line of {@code size} bytes, waiting for it up to the limit's wait; false when the line is
     * to be dropped (then it is counted against {@code gap}). A true return must be followed by {@link #put}.
     */
    boolean admit(int size, Gap gap) {
        if (!shedding && reserve(size)) {
            return true;
        }
        if (!shedding) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.waitMillis());
            synchronized (room) {
                while (!shedding) { // bounded: by the deadline
                    if (reserve(size)) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        shedding = true;
                        break;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(room, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        }
        gaps.computeIfAbsent(gap, g -> new AtomicLong()).incrementAndGet();
        dropped.incrementAndGet();
        return false;
    }

    private boolean reserve(int size) {
        int l = lines.incrementAndGet();
        long b = bytes.addAndGet(size);
        if (l > 1 && (l > limits.lines() || b > limits.bytes())) { // one line alone always fits
            lines.decrementAndGet();
            bytes.addAndGet(-size);
            return false;
        }
        return true;
    }

    /** Takes up to {@code max} events, in the order they came, and gives their room back. */
    List<Object> take(int max) {
        List<Object> out = new ArrayList<>(Math.min(max, Math.max(16, events.get())));
        int n = 0;
        int nLines = 0;
        long nBytes = 0;
        Object e;
        while (n < max && (e = queue.poll()) != null) {
            n++;
            if (e instanceof Line l) {
                nLines++;
                nBytes += size(l.text());
            }
            out.add(e);
        }
        events.addAndGet(-n);
        lines.addAndGet(-nLines);
        bytes.addAndGet(-nBytes);
        if (shedding && lines.get() <= limits.lines() / 2 && bytes.get() <= limits.bytes() / 2) {
            shedding = false;
        }
        synchronized (room) {
            room.notifyAll();
        }
        return out;
    }

    /** The lines dropped since the last call, by where they were dropped. */
    Map<Gap, Long> takeGaps() {
        Map<Gap, Long> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<Gap, AtomicLong> g : gaps.entrySet()) {
            long n = g.getValue().getAndSet(0);
            if (n > 0) {
                out.put(g.getKey(), n);
            }
        }
        return out;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int events() {
        return events.get();
    }

    /** Lines queued now. */
    int lines() {
        return lines.get();
    }

    /** Lines dropped since the queue was made. */
    long dropped() {
        return dropped.get();
    }

    boolean shedding() {
        return shedding;
    }

    static int size(String text) {
        return LINE_OVERHEAD + 2 * text.length();
    }
}
