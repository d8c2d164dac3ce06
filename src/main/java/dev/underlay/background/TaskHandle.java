package dev.underlay.background;

/**
 * A submitted task. {@link #cancel()} is called on the runner's callback thread: it interrupts the work, and after
 * it returns no running, progress, success or failure callback of the task runs (its finished callbacks run once,
 * inside {@code cancel()}); cancelling a task that is over does nothing.
 */
public interface TaskHandle {
    void cancel();

    /** True once the work has ended (its callbacks may still be on their way) or the task was cancelled. */
    boolean isDone();
}
