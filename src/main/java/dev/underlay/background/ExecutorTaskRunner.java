package dev.underlay.background;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs tasks on named daemon threads and hands results to a callback executor. Closed at application exit. */
public final class ExecutorTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorTaskRunner.class);
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
    public <T> TaskHandle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> f = pool.submit(() -> {
            Thread me = Thread.currentThread();
            String old = me.getName();
            me.setName(old + ":" + name);
            try {
                T result = work.call();
                if (!cancelled.get()) {
                    callbacks.execute(() -> onSuccess.accept(result));
                }
            } catch (Throwable e) { // every failure reaches the caller, never a silent thread death
                if (!cancelled.get()) {
                    LOG.debug("task {} failed", name, e);
                    callbacks.execute(() -> onFailure.accept(e));
                }
            } finally {
                me.setName(old);
            }
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                f.cancel(true);
            }

            @Override
            public boolean isDone() {
                return f.isDone();
            }
        };
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
