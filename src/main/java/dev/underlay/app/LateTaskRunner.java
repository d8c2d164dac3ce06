package dev.underlay.app;

import dev.underlay.background.BackgroundTask;
import dev.underlay.background.TaskHandle;
import dev.underlay.background.TaskRunner;

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
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        TaskRunner t = target;
        if (t == null) {
            throw new IllegalStateException("task " + task.name() + " submitted before the data folder was open");
        }
        return t.submit(task);
    }

    /** The context closes its runner; nothing to release here. */
    @Override
    public void close() {
    }
}
