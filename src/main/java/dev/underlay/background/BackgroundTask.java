package dev.underlay.background;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of blocking work and what the caller does around it, after JabRef's {@code BackgroundTask}: the work
 * runs on a {@link TaskRunner}'s worker, every callback on its callback thread (the FX thread in the console):
 * {@link #onRunning} when the work starts, {@link #onProgress} with the latest {@link Progress} (coalesced: one
 * delivery per callback pulse at most, never one per update), then {@link #onSuccess} or {@link #onFailure}, then
 * {@link #onFinished}. After {@link TaskHandle#cancel()} returns on the callback thread, no running, progress,
 * success or failure callback of the task runs; its finished callbacks run once, in {@code cancel()}.
 *
 * <p>Configure a task before submitting it; a task is submitted once.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {
    /** Work that reports progress as it goes. */
    @FunctionalInterface
    public interface Work<T> {
        T call(ProgressListener progress) throws Exception;
    }

    /** Where work reports its progress; cheap to call often (only the latest value is delivered). */
    @FunctionalInterface
    public interface ProgressListener {
        void update(Progress progress);

        /** Shorthand for {@code update(new Progress(done, total, message))}. */
        default void update(long done, long total, String message) {
            update(new Progress(done, total, message));
        }
    }

    /**
     * How far the work is.
     *
     * @param total 0 when unknown
     */
    public record Progress(long done, long total, String message) {
        public Progress {
            message = message == null ? "" : message;
        }

        /** Between 0 and 1, or -1 when the total is unknown (an indeterminate progress bar). */
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    private final String name;
    private final Work<T> work;
    private Runnable onRunning;
    private Consumer<? super Progress> onProgress;
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<? super Throwable> onFailure = e -> { };
    private final List<Runnable> onFinished = new ArrayList<>();

    private BackgroundTask(String name, Work<T> work) {
        this.name = Objects.requireNonNull(name, "name");
        this.work = Objects.requireNonNull(work, "work");
    }

    /**
     * A task running {@code work}.
     *
     * @param name a short name for thread dumps and logs, such as {@code load-inventory}
     */
    public static <T> BackgroundTask<T> of(String name, Callable<T> work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(name, progress -> work.call());
    }

    /** A task whose work reports progress. */
    public static <T> BackgroundTask<T> withProgress(String name, Work<T> work) {
        return new BackgroundTask<>(name, work);
    }

    /** Runs on the callback thread when the work starts on its worker. */
    public BackgroundTask<T> onRunning(Runnable r) {
        this.onRunning = Objects.requireNonNull(r);
        return this;
    }

    /** Receives the latest progress on the callback thread, at most once per callback pulse. */
    public BackgroundTask<T> onProgress(Consumer<? super Progress> c) {
        this.onProgress = Objects.requireNonNull(c);
        return this;
    }

    /** Receives the work's result on the callback thread. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    /** Receives whatever the work threw (any {@link Throwable}) on the callback thread. */
    public BackgroundTask<T> onFailure(Consumer<? super Throwable> c) {
        this.onFailure = Objects.requireNonNull(c);
        return this;
    }

    /**
     * Adds a callback run once when the task is over: after success or failure, or in {@code cancel()}. Several
     * run in the order added (a runner may add its own, as the console's activity count does).
     */
    public BackgroundTask<T> onFinished(Runnable r) {
        onFinished.add(Objects.requireNonNull(r));
        return this;
    }

    public String name() {
        return name;
    }

    Work<T> work() {
        return work;
    }

    Runnable runningCallback() {
        return onRunning;
    }

    Consumer<? super Progress> progressCallback() {
        return onProgress;
    }

    Consumer<? super T> successCallback() {
        return onSuccess;
    }

    Consumer<? super Throwable> failureCallback() {
        return onFailure;
    }

    List<Runnable> finishedCallbacks() {
        return List.copyOf(onFinished);
    }
}
