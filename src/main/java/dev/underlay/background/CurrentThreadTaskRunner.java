package dev.underlay.background;

/**
 * Runs each task at once on the caller's thread, callbacks included, for tests of ViewModels and services. The
 * same engine as {@link ExecutorTaskRunner} (failures of any kind caught and logged alike, cancel checked before
 * every callback), with the caller's thread as both worker and callback thread.
 */
public final class CurrentThreadTaskRunner implements TaskRunner {
    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        TaskRun<T> run = new TaskRun<>(task, Runnable::run);
        run.runWork();
        return run;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
