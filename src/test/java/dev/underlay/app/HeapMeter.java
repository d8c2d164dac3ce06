package dev.underlay.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap in use after collections while a benchmark runs, without forcing any: each collection's "after" usage
 * of the heap pools (from the GC's notification, so a young collection counts the old generation as it stands,
 * garbage included: an upper bound of what is live) with how many lines the log held then; and, at the end, the
 * pools' collection usage after a forced full collection ({@code MemoryPool} collection usage, as
 * {@code JobLogBenchmark} reads it).
 */
final class HeapMeter implements AutoCloseable {
    /** One collection: the lines the log held when it ended, the heap in use after it. */
    record AfterGc(long lines, long used) {
    }

    private final LongSupplier lines;
    private final Set<String> heapPools;
    private final List<AfterGc> collections = new ArrayList<>();
    private final List<Runnable> unregister = new ArrayList<>();

    HeapMeter(LongSupplier lines) {
        this.lines = lines;
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        NotificationListener l = (n, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) {
                        used += e.getValue().getUsed();
                    }
                }
                synchronized (collections) {
                    collections.add(new AfterGc(lines.getAsLong(), used));
                }
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(l, null, null);
                unregister.add(() -> {
                    try {
                        e.removeNotificationListener(l);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
    }

    /** The heap after the first collection that ended once the log held {@code atLeast} lines; -1 if none did. */
    long firstAfter(long atLeast) {
        synchronized (collections) {
            return collections.stream().filter(c -> c.lines() >= atLeast).mapToLong(AfterGc::used).findFirst()
                    .orElse(-1);
        }
    }

    /** The most the heap held after any collection so far. */
    long peak() {
        synchronized (collections) {
            return collections.stream().mapToLong(AfterGc::used).max().orElse(-1);
        }
    }

    int collections() {
        synchronized (collections) {
            return collections.size();
        }
    }

    /**
     * Forces full collections, then the heap in use right after the last: what is live now. Not the pools'
     * collection usage, which a young collection in between rewrites for the young pools (one run read 3 MB for
     * 120,000 rows that way).
     */
    static long liveAfterFullGc() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    @Override
    public void close() {
        unregister.forEach(Runnable::run);
    }
}
