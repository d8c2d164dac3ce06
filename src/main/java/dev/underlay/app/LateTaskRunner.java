package dev.underlay.app;

import dev.underlay.background.TaskHandle;
import dev.underlay.background.TaskRunner;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The application's task runner for a window built before the data folder is open: it hands each task to the
 * context's runner once there is one. The window is disabled until then, so nothing is submitted before.
 */
final class LateTaskRunner implements TaskRunner {
    private volatile TaskRunner target;

    void set(TaskRunner runner) {
        target = runner;
    }

    @Override
    public <T> TaskHandle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        TaskRunner t = target;
        if (t == null) {
            throw new IllegalStateException("task " + name + " submitted before the data folder was open");
        }
        return t.submit(name, work, onSuccess, onFailure);
    }

    /** The context closes its runner; nothing to release here. */
    @Override
    public void close() {
    }
}
