package dev.underlay.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs each task at once on the caller's thread; for tests of ViewModels and services. */
public final class CurrentThreadTaskRunner implements TaskRunner {
    @Override
    public <T> TaskHandle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return done();
        }
        onSuccess.accept(result);
        return done();
    }

    private static TaskHandle done() {
        return new TaskHandle() {
            @Override
            public void cancel() {
                // already finished
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
    }

    @Override
    public void close() {
        // nothing to release
    }
}
