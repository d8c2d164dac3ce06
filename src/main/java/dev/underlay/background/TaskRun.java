package dev.underlay.background;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One submitted {@link BackgroundTask} in both runners, so that they share their semantics: the work's failures
 * (any {@link Throwable}) are caught and logged the same way, and cancel is checked on the callback thread, where
 * every callback runs, so that nothing of the task runs after {@code cancel()} returned there.
 */
final class TaskRun<T> implements TaskHandle {
    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);

    /** What the work came to: a result or what it threw. */
    record Outcome<T>(T result, Throwable failure) {
    }

    private final BackgroundTask<T> task;
    private final Executor callbacks;
    /** Written and read on the callback thread only. */
    private boolean cancelled;
    private boolean finished;
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicReference<BackgroundTask.Progress> latest = new AtomicReference<>();
    private final AtomicBoolean progressPending = new AtomicBoolean();
    private volatile Runnable interrupt = () -> { };

    TaskRun(BackgroundTask<T> task, Executor callbacks) {
        this.task = task;
        this.callbacks = callbacks;
    }

    String name() {
        return task.name();
    }

    /** How the runner stops the work's thread on cancel (the executor's future). */
    void interruptWith(Runnable r) {
        interrupt = r;
    }

    /** Runs the work on the calling thread (the worker) and hands its outcome to the callback thread. */
    void runWork() {
        Runnable running = task.runningCallback();
        if (running != null) {
            callbacks.execute(() -> {
                if (!cancelled) {
                    running.run();
                }
            });
        }
        Outcome<T> outcome;
        try {
            outcome = new Outcome<>(task.work().call(this::progress), null);
        } catch (Throwable e) { // every failure reaches the caller, never a silent thread death
            LOG.debug("task {} failed", task.name(), e);
            outcome = new Outcome<>(null, e);
        }
        Outcome<T> o = outcome;
        done.set(true);
        callbacks.execute(() -> deliver(o));
    }

    /** Keeps the latest progress and asks for one delivery if none is pending: one per pulse, not per update. */
    private void progress(BackgroundTask.Progress p) {
        if (task.progressCallback() == null) {
            return;
        }
        latest.set(p);
        if (progressPending.compareAndSet(false, true)) {
            callbacks.execute(() -> {
                progressPending.set(false);
                BackgroundTask.Progress now = latest.get();
                if (!cancelled && !finished && now != null) {
                    task.progressCallback().accept(now);
                }
            });
        }
    }

    private void deliver(Outcome<T> o) {
        if (cancelled || finished) {
            return;
        }
        try {
            if (o.failure() == null) {
                task.successCallback().accept(o.result());
            } else {
                task.failureCallback().accept(o.failure());
            }
        } finally {
            finish();
        }
    }

    private void finish() {
        finished = true;
        for (Runnable r : task.finishedCallbacks()) {
            r.run();
        }
    }

    /** On the callback thread: nothing of this task but its finished callbacks (run here) runs after this. */
    @Override
    public void cancel() {
        if (cancelled || finished) {
            return;
        }
        cancelled = true;
        interrupt.run();
        finish();
    }

    @Override
    public boolean isDone() {
        return done.get() || cancelled;
    }
}
