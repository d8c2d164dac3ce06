package dev.underlay.ui;

import dev.underlay.background.BackgroundTask;
import dev.underlay.background.TaskHandle;
import dev.underlay.background.TaskRunner;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The FX side of the task runner: wraps the application's runner and counts the tasks in flight, so the status
 * bar can show background activity. Submit from the FX thread; the wrapped runner must deliver callbacks there
 * ({@code Platform::runLater}), which is where the count goes down again.
 */
public final class ActivityTaskRunner implements TaskRunner {
    private final TaskRunner delegate;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper(this, "current", "");

    public ActivityTaskRunner(TaskRunner delegate) {
        this.delegate = delegate;
    }

    /** Tasks submitted and not yet finished. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Name of the task submitted last that is still running, or empty. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        running.set(running.get() + 1);
        current.set(task.name());
        // finished callbacks run once: after success or failure, or inside cancel() (BackgroundTask)
        return delegate.submit(task.onFinished(() -> {
            running.set(Math.max(0, running.get() - 1));
            if (running.get() == 0) {
                current.set("");
            }
        }));
    }

    @Override
    public void close() {
        delegate.close();
    }
}
