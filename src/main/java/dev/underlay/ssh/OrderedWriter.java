package dev.underlay.ssh;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One daemon thread that runs writes in the order they were handed over, started when there is work and gone
 * when idle (so nothing has to stop it). For code that must not block where it decides (an SSH I/O thread) but
 * whose writes must land, in order, before the database closes: {@link #flush} waits for everything handed over
 * so far.
 */
final class OrderedWriter {
    private final ThreadPoolExecutor pool;

    OrderedWriter(String threadName) {
        pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues a write. */
    void execute(Runnable write) {
        pool.execute(write);
    }

    /**
     * Waits until every write handed over before this call has run (one thread: they run in order); false when
     * they did not finish within {@code limit}.
     */
    boolean flush(Duration limit) {
        Future<?> marker = pool.submit(() -> { });
        try {
            marker.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
