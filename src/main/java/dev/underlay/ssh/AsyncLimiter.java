package dev.underlay.ssh;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A counting limit for asynchronous operations without parking threads: an operation over the limit waits in a
 * queue and starts when a running one completes.
 */
final class AsyncLimiter {
    private final int permits;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private int running;
    private int peak;

    AsyncLimiter(int permits) {
        this.permits = permits;
    }

    /** Runs the operation when a permit is free; the permit returns when the operation's future completes. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> f;
            try {
                f = operation.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((v, e) -> {
                release();
                if (e != null) {
                    out.completeExceptionally(e);
                } else {
                    out.complete(v);
                }
            });
        };
        boolean now;
        synchronized (this) {
            now = running < permits;
            if (now) {
                running++;
                peak = Math.max(peak, running);
            } else {
                waiting.add(start);
            }
        }
        if (now) {
            start.run();
        }
        return out;
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /** The most operations that ran at once. */
    synchronized int peak() {
        return peak;
    }

    synchronized int running() {
        return running;
    }
}
