package dev.underlay.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values posted from any thread to a consumer on the FX thread, keeping only the newest: however many
 * values arrive between two pulses, the consumer runs once, with the last one. At most one
 * {@code Platform.runLater} is in flight at a time, so a burst of listener calls never floods the event queue.
 *
 * @param <T> the value type, such as an inventory snapshot
 */
public final class LatestValueBatcher<T> {
    private final AtomicReference<T> pending = new AtomicReference<>();
    private final Executor fxThread;
    private final Consumer<? super T> consumer;

    /**
     * @param fxThread {@code Platform::runLater} in the console; a direct executor in tests
     * @param consumer receives the newest value on {@code fxThread}
     */
    public LatestValueBatcher(Executor fxThread, Consumer<? super T> consumer) {
        this.fxThread = fxThread;
        this.consumer = consumer;
    }

    /** Posts a value; callable from any thread. {@code null} is not allowed (it marks "nothing pending"). */
    public void post(T value) {
        if (value == null) {
            throw new IllegalArgumentException("null cannot be posted");
        }
        if (pending.getAndSet(value) == null) {
            fxThread.execute(this::flush);
        }
    }

    private void flush() {
        T value = pending.getAndSet(null);
        if (value != null) {
            consumer.accept(value);
        }
    }
}
