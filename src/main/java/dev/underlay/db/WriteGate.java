package dev.underlay.db;

import java.util.concurrent.TimeUnit;

/**
 * Counts the writes in flight on a database, so that a process asked to stop (Ctrl-C, SIGTERM) can let them finish
 * before the process ends, instead of it ending in the middle of one. Once {@link #drain} has begun, a new write is
 * refused; a thread already inside a write may nest further ones (an import's inventory and its secrets are one unit).
 */
final class WriteGate {
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private int inFlight;
    private long begun;
    private boolean closing;

    /**
     * How a stop found the writes: none had begun; some had, all already saved and none running; one was running
     * and finished; or one was still running when the wait ended.
     */
    enum Drained { NOTHING_WRITTEN, ALL_SAVED, WRITES_FINISHED, STILL_WRITING }

    /** Enters a write; the permit's {@code close()} leaves it. */
    synchronized Database.WritePermit enter() {
        int[] d = depth.get();
        if (d[0] == 0) {
            if (closing) {
                throw new DatabaseException("Underlay is stopping; this change was not saved", null);
            }
            inFlight++;
            begun++;
        }
        d[0]++;
        return this::leave;
    }

    private synchronized void leave() {
        int[] d = depth.get();
        if (d[0] == 0) {
            return; // closed twice: nothing to leave
        }
        if (--d[0] == 0) {
            inFlight--;
            notifyAll();
        }
    }

    /** Refuses new writes and waits up to {@code waitMillis} for those in flight; returns what it found. */
    Drained drain(long waitMillis) {
        synchronized (this) {
            closing = true;
            boolean running = inFlight > 0;
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Drained.STILL_WRITING;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Drained.STILL_WRITING;
                }
            }
            if (running) {
                return Drained.WRITES_FINISHED;
            }
            return begun > 0 ? Drained.ALL_SAVED : Drained.NOTHING_WRITTEN;
        }
    }

    synchronized long begun() {
        return begun;
    }
}
