package dev.underlay.background;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks on named daemon threads and their callbacks on a callback executor ({@code Platform::runLater} in the
 * console). Closed at application exit.
 */
public final class ExecutorTaskRunner implements TaskRunner {
    private final ExecutorService pool;
    private final Executor callbacks;

    /**
     * @param threads   worker threads
     * @param callbacks where results are delivered, e.g. {@code Platform::runLater}
     */
    public ExecutorTaskRunner(String prefix, int threads, Executor callbacks) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.callbacks = callbacks;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, callbacks);
        Future<?> f = pool.submit(() -> {
            Thread me = Thread.currentThread();
            String old = me.getName();
            me.setName(old + ":" + run.name());
            try {
                run.runWork();
            } finally {
                me.setName(old);
            }
        });
        run.interruptWith(() -> f.cancel(true));
        return run;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
