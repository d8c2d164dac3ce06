package dev.underlay.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way ViewModels (and later the job engine) run blocking work: off the caller's thread, with results
 * delivered on a callback executor (the FX thread in the console). Production: {@link ExecutorTaskRunner};
 * tests: {@link CurrentThreadTaskRunner}.
 */
public interface TaskRunner extends AutoCloseable {

    /**
     * Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the callback executor.
     *
     * @param name a short name for thread dumps and logs, such as {@code load-inventory}
     */
    <T> TaskHandle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure);

    /** Stops accepting work and interrupts what is running. */
    @Override
    void close();
}
