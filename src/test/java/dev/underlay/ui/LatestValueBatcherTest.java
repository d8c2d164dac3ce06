package dev.underlay.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class LatestValueBatcherTest {
    final Queue<Runnable> fxQueue = new ArrayDeque<>();
    final List<Integer> delivered = new ArrayList<>();
    final LatestValueBatcher<Integer> batcher = new LatestValueBatcher<>(fxQueue::add, delivered::add);

    @Test
    void burstBetweenTwoPulsesIsDeliveredOnceWithTheNewestValue() {
        for (int i = 1; i <= 1000; i++) {
            batcher.post(i);
        }
        assertEquals(1, fxQueue.size(), "one runLater for the whole burst");
        fxQueue.poll().run();
        assertEquals(List.of(1000), delivered);
    }

    @Test
    void valuesAfterAFlushAreDeliveredInTheNextOne() {
        batcher.post(1);
        fxQueue.poll().run();
        batcher.post(2);
        batcher.post(3);
        assertEquals(1, fxQueue.size());
        fxQueue.poll().run();
        assertEquals(List.of(1, 3), delivered);
    }

    @Test
    void postsFromManyThreadsEndWithTheLastValueDelivered() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 1000;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    batcher.post(base + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        batcher.post(-1);
        synchronized (fxQueue) {
            while (!fxQueue.isEmpty()) {
                fxQueue.poll().run();
            }
        }
        assertEquals(-1, delivered.get(delivered.size() - 1));
    }
}
