package dev.underlay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.underlay.background.ExecutorTaskRunner;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ActivityTaskRunnerTest {
    @Test
    void countsTasksUntilTheirCallbackRunsOnTheCallbackThread() throws Exception {
        LinkedBlockingQueue<Runnable> callbacks = new LinkedBlockingQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        try (ActivityTaskRunner runner = new ActivityTaskRunner(new ExecutorTaskRunner("t", 2, callbacks::add))) {
            runner.submit("slow", () -> release.await(5, TimeUnit.SECONDS), ok -> { }, e -> { });
            runner.submit("failing", () -> {
                throw new IllegalStateException("boom");
            }, ok -> { }, e -> { });
            assertEquals(2, runner.runningProperty().get());
            assertEquals("failing", runner.currentProperty().get());
            callbacks.poll(5, TimeUnit.SECONDS).run(); // the failure
            assertEquals(1, runner.runningProperty().get());
            release.countDown();
            callbacks.poll(5, TimeUnit.SECONDS).run();
            assertEquals(0, runner.runningProperty().get());
            assertEquals("", runner.currentProperty().get());
        }
    }

    @Test
    void cancelledTaskStopsCounting() {
        Queue<Runnable> never = new ArrayDeque<>();
        try (ActivityTaskRunner runner = new ActivityTaskRunner(new ExecutorTaskRunner("t", 1, never::add))) {
            var h = runner.submit("sleep", () -> {
                Thread.sleep(10_000);
                return null;
            }, ok -> { }, e -> { });
            h.cancel();
            assertEquals(0, runner.runningProperty().get());
        }
    }
}
