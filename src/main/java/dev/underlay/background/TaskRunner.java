package dev.underlay.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way ViewModels (and later the job engine) run blocking work: off the caller's thread, with callbacks
 * on a callback executor (the FX thread in the console); see {@link BackgroundTask} for what runs when.
 * Production: {@link ExecutorTaskRunner}; tests: {@link CurrentThreadTaskRunner}, with the same semantics.
 */
public interface TaskRunner extends AutoCloseable {

    /** Runs the task's work in the background and its callbacks on the callback executor. */
    <T> TaskHandle submit(BackgroundTask<T> task);

    /** Shorthand for a task with a success and a failure callback and nothing else. */
    default <T> TaskHandle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                  Consumer<? super Throwable> onFailure) {
        return submit(BackgroundTask.of(name, work).onSuccess(onSuccess).onFailure(onFailure));
    }

    /** Stops accepting work and interrupts what is running. */
    @Override
    void close();
}
