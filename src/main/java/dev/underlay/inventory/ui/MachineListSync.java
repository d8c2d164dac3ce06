package dev.underlay.inventory.ui;

import dev.underlay.inventory.Machine;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Brings a name-ordered list of machines up to date with a new snapshot by touching only what changed, so the
 * filtered and sorted views above it, and the table's rows and selection, are not rebuilt for a one-machine edit.
 * Falls back to one {@code setAll} when the difference is large (an import), which is cheaper than many moves.
 */
final class MachineListSync {
    /** Beyond this many inserts and removals one replacement is faster than shifting a large array. */
    static final int MAX_STRUCTURAL_CHANGES = 500;

    private MachineListSync() {
    }

    /**
     * @param target a list in name order (as {@code Inventory.machines()} iterates)
     * @param next   the new machines in name order
     */
    static void sync(List<Machine> target, Collection<Machine> next) {
        if (target.isEmpty() || structuralChanges(target, next) > MAX_STRUCTURAL_CHANGES) {
            if (target instanceof javafx.collections.ObservableList<Machine> ol) {
                ol.setAll(next);
            } else {
                target.clear();
                target.addAll(next);
            }
            return;
        }
        int i = 0;
        for (Machine n : next) {
            if (i < target.size() && target.get(i) == n) {
                i++; // unchanged machines are the same instance in consecutive snapshots: no string compare
                continue;
            }
            while (i < target.size() && target.get(i).name().compareTo(n.name()) < 0) {
                target.remove(i); // gone from the new snapshot
            }
            if (i < target.size() && target.get(i).name().equals(n.name())) {
                Machine old = target.get(i);
                if (old != n && !old.equals(n)) {
                    target.set(i, n);
                }
            } else {
                target.add(i, n);
            }
            i++;
        }
        if (i < target.size()) {
            target.subList(i, target.size()).clear();
        }
    }

    private static int structuralChanges(List<Machine> target, Collection<Machine> next) {
        int changes = 0;
        int i = 0;
        Iterator<Machine> it = next.iterator();
        Machine n = it.hasNext() ? it.next() : null;
        while (n != null || i < target.size()) {
            if (n != null && i < target.size() && target.get(i) == n) {
                i++;
                n = it.hasNext() ? it.next() : null;
                continue;
            }
            int cmp = n == null ? -1 : i >= target.size() ? 1 : target.get(i).name().compareTo(n.name());
            if (cmp == 0) {
                i++;
                n = it.hasNext() ? it.next() : null;
            } else if (cmp < 0) {
                i++;
                changes++;
            } else {
                n = it.hasNext() ? it.next() : null;
                changes++;
            }
            if (changes > MAX_STRUCTURAL_CHANGES) {
                break;
            }
        }
        return changes;
    }
}
