package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Computes the rows of the machines table from a snapshot, a query and a sort order. Toolkit-free, so it runs on
 * a worker thread; a newer query interrupts it. The whole inventory in the table's order is kept for the last
 * snapshot and comparator, so a keystroke costs one pass of the query over the machines and no sort.
 */
final class MachineRows {
    /** How many machines are tested between two looks at the interrupt flag. */
    private static final int CHECK_EVERY = 4096;
    /** Above this many machines the query runs on two cores. */
    private static final int SPLIT_ABOVE = 20_000;

    private record Ordered(Inventory inventory, Comparator<? super Machine> comparator, Machine[] machines) {
    }

    private volatile Ordered ordered;

    /**
     * The machines of {@code inv} that {@code query} matches, in {@code comparator} order (name order when null).
     *
     * @throws InterruptedException when the thread is interrupted because a newer query superseded this one
     */
    List<Machine> compute(Inventory inv, MachineQuery query, Comparator<? super Machine> comparator)
            throws InterruptedException {
        Machine[] all = ordered(inv, comparator);
        if (query.matchesAll()) {
            return Collections.unmodifiableList(Arrays.asList(all));
        }
        if (all.length < SPLIT_ABOVE) {
            return Collections.unmodifiableList(match(all, 0, all.length, inv, query, new AtomicBoolean()));
        }
        // the FX thread waits for this result doing little: the second half goes to the other core
        AtomicBoolean stop = new AtomicBoolean();
        int mid = all.length / 2;
        CompletableFuture<List<Machine>> second = CompletableFuture.supplyAsync(() -> {
            try {
                return match(all, mid, all.length, inv, query, stop);
            } catch (InterruptedException e) {
                return List.of(); // stopped because the first half was: the result is dropped
            }
        });
        try {
            List<Machine> out = match(all, 0, mid, inv, query, stop);
            out.addAll(second.get());
            return Collections.unmodifiableList(out);
        } catch (InterruptedException e) {
            stop.set(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("filtering the machines failed", e.getCause());
        } finally {
            stop.set(true);
        }
    }

    private static List<Machine> match(Machine[] all, int from, int to, Inventory inv, MachineQuery query,
                                       AtomicBoolean stop) throws InterruptedException {
        List<Machine> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if ((i - from) % CHECK_EVERY == 0 && (stop.get() || Thread.interrupted())) {
                throw new InterruptedException("superseded");
            }
            if (query.matches(all[i], inv)) {
                out.add(all[i]);
            }
        }
        return out;
    }

    private Machine[] ordered(Inventory inv, Comparator<? super Machine> comparator) throws InterruptedException {
        Ordered o = ordered;
        if (o != null && o.inventory() == inv && o.comparator() == comparator) {
            return o.machines();
        }
        Machine[] all = inv.machines().values().toArray(new Machine[0]);
        if (comparator != null) {
            if (Thread.interrupted()) {
                throw new InterruptedException("superseded");
            }
            Arrays.sort(all, comparator); // stable: machines that compare equal stay in name order
        }
        ordered = new Ordered(inv, comparator, all);
        return all;
    }
}
