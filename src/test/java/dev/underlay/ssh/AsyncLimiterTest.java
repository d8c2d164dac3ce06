package dev.underlay.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AsyncLimiterTest {
    @Test
    void startsQueuedOperationsOnlyWhenRunningOnesComplete() {
        AsyncLimiter limiter = new AsyncLimiter(2);
        List<CompletableFuture<Integer>> gates = new ArrayList<>();
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Integer> gate = new CompletableFuture<>();
            gates.add(gate);
            results.add(limiter.submit(() -> gate));
        }
        assertEquals(2, limiter.running());
        gates.get(0).complete(0);
        assertTrue(results.get(0).isDone());
        assertEquals(2, limiter.running(), "the third starts as the first ends");
        for (int i = 1; i < 5; i++) {
            gates.get(i).complete(i);
        }
        assertEquals(0, limiter.running());
        assertEquals(List.of(0, 1, 2, 3, 4), results.stream().map(CompletableFuture::join).toList());
    }

    @Test
    void aThrowingOperationReleasesItsPermit() {
        AsyncLimiter limiter = new AsyncLimiter(1);
        CompletableFuture<Object> failed = limiter.submit(() -> {
            throw new IllegalStateException("boom");
        });
        assertTrue(failed.isCompletedExceptionally());
        assertEquals(0, limiter.running());
    }
}
