package dev.underlay.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The runners' promises, with a callback executor the test drains by hand (as the FX thread would run
 * {@code Platform.runLater}): what runs when, cancel, coalesced progress, and the same failure handling in the
 * production runner and the tests' one.
 */
class BackgroundTaskTest {
    /** The callback thread: whatever the runner hands it waits here until the test runs it. */
    final LinkedBlockingQueue<Runnable> pulse = new LinkedBlockingQueue<>();
    final List<String> seen = new ArrayList<>();

    private void runNext() throws InterruptedException {
        Runnable r = pulse.poll(10, TimeUnit.SECONDS);
        assertTrue(r != null, "a callback arrived");
        r.run();
    }

    private <T> BackgroundTask<T> recorded(BackgroundTask<T> t) {
        return t.onRunning(() -> seen.add("running")).onProgress(p -> seen.add("progress " + p.done()))
                .onSuccess(r -> seen.add("success " + r)).onFailure(e -> seen.add("failure " + e.getMessage()))
                .onFinished(() -> seen.add("finished"));
    }

    @Test
    void callbacksRunOnTheCallbackThreadInOrder() throws Exception {
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner("t", 1, pulse::add)) {
            runner.submit(recorded(BackgroundTask.withProgress("count", p -> {
                p.update(1, 2, "half");
                return 42;
            })));
            for (int i = 0; i < 3; i++) {
                runNext();
            }
            assertEquals(List.of("running", "progress 1", "success 42", "finished"), seen);
        }
    }

    @Test
    void afterCancelReturnsNoCallbackOfTheTaskRunsEvenOneAlreadyQueued() throws Exception {
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner("t", 1, pulse::add)) {
            CountDownLatch worked = new CountDownLatch(1);
            TaskHandle h = runner.submit(recorded(BackgroundTask.withProgress("quick", p -> {
                p.update(1, 1, "");
                worked.countDown();
                return "done";
            })));
            assertTrue(worked.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 100 && pulse.size() < 3; i++) { // running, progress and success are queued
                Thread.sleep(10);
            }
            assertEquals(3, pulse.size(), "the work finished and queued its callbacks before the cancel");
            h.cancel(); // on the callback thread, before it ran any of them
            assertEquals(List.of("finished"), seen, "cancel runs the finished callbacks, once");
            while (!pulse.isEmpty()) {
                pulse.poll().run();
            }
            h.cancel();
            assertEquals(List.of("finished"), seen, "nothing of a cancelled task runs, and cancel runs once");
            assertTrue(h.isDone());
        }
    }

    @Test
    void cancelInterruptsTheWork() throws Exception {
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner("t", 1, pulse::add)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch interrupted = new CountDownLatch(1);
            TaskHandle h = runner.submit(recorded(BackgroundTask.of("sleep", () -> {
                started.countDown();
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
                return null;
            })));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            h.cancel();
            assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the worker was interrupted");
            for (int i = 0; i < 50 && pulse.size() < 2; i++) {
                Thread.sleep(10);
            }
            while (!pulse.isEmpty()) {
                pulse.poll().run();
            }
            assertEquals(List.of("finished"), seen, "the interrupted work's failure is not delivered");
        }
    }

    @Test
    void progressIsCoalescedToTheLatestValuePerPulse() throws Exception {
        try (ExecutorTaskRunner runner = new ExecutorTaskRunner("t", 1, pulse::add)) {
            CountDownLatch worked = new CountDownLatch(1);
            List<Long> progress = new ArrayList<>();
            runner.submit(BackgroundTask.withProgress("many", p -> {
                for (int i = 1; i <= 10_000; i++) {
                    p.update(i, 10_000, "line " + i);
                }
                worked.countDown();
                return null;
            }).onProgress(p -> progress.add(p.done())));
            assertTrue(worked.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 100 && pulse.size() < 2; i++) {
                Thread.sleep(10);
            }
            assertEquals(2, pulse.size(), "one progress delivery and the result, not one per update");
            runNext();
            assertEquals(List.of(10_000L), progress, "the pulse delivers the latest value");
        }
    }

    @Test
    void bothRunnersDeliverErrorsNotOnlyExceptionsAndLogThemAlike() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(TaskRunner.class);
        Level before = log.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        log.addAppender(events);
        log.setLevel(Level.DEBUG);
        List<Throwable> failures = new ArrayList<>();
        try {
            new CurrentThreadTaskRunner().submit(BackgroundTask.of("same-thread", () -> {
                throw new AssertionError("broken invariant");
            }).onFailure(failures::add));
            try (ExecutorTaskRunner runner = new ExecutorTaskRunner("t", 1, pulse::add)) {
                runner.submit(BackgroundTask.of("worker", () -> {
                    throw new AssertionError("broken invariant");
                }).onFailure(failures::add));
                runNext();
            }
        } finally {
            log.detachAppender(events);
            log.setLevel(before);
        }
        assertEquals(2, failures.size(), failures.toString());
        failures.forEach(f -> assertInstanceOf(AssertionError.class, f));
        assertEquals(List.of("task same-thread failed", "task worker failed"),
                events.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertTrue(events.list.stream().allMatch(e -> e.getLevel() == Level.DEBUG && e.getThrowableProxy() != null));
    }

    @Test
    void theSameThreadRunnerHasTheSameOrderAndCancelSemantics() {
        TaskHandle h = new CurrentThreadTaskRunner().submit(recorded(BackgroundTask.withProgress("now", p -> {
            p.update(3, 3, "");
            return "ok";
        })));
        assertEquals(List.of("running", "progress 3", "success ok", "finished"), seen);
        h.cancel();
        assertEquals(4, seen.size(), "cancelling a finished task does nothing");
        assertTrue(h.isDone());
    }
}
