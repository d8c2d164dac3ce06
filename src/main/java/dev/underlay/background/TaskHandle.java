package dev.underlay.background;

/** A submitted task that can be cancelled (its thread is interrupted; no callback runs after cancel). */
public interface TaskHandle {
    void cancel();

    boolean isDone();
}
