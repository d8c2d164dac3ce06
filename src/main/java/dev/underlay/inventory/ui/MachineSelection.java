package dev.underlay.inventory.ui;

import dev.underlay.inventory.Machine;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;

/**
 * The one selection of machines the console's views share (the machines table, the rack elevations, later the
 * topology): a set of names, in the order selected. Selecting here selects in the table too, as many of them as its
 * search shows; selecting in the table selects here. A view may show machines the table's search hides, so what the
 * table echoes back of a selection made elsewhere is not taken as a new one. On the FX thread.
 */
public final class MachineSelection {
    private final MachinesViewModel machines;
    private final ReadOnlyObjectWrapper<Set<String>> names = new ReadOnlyObjectWrapper<>(this, "names", Set.of());
    private Set<String> lastFromTable = Set.of();
    private boolean requesting;

    public MachineSelection(MachinesViewModel machines) {
        this.machines = machines;
        machines.selection().addListener((ListChangeListener<Machine>) c -> fromTable());
        fromTable();
    }

    private void fromTable() {
        Set<String> now = namesOf(machines.selection());
        if (requesting || now.equals(lastFromTable)) {
            lastFromTable = now; // the table's echo of our own request, or the same machines in a new snapshot
            return;
        }
        lastFromTable = now;
        names.set(now);
    }

    /** The selected machines' names; a new unmodifiable set at each change. */
    public ReadOnlyObjectProperty<Set<String>> namesProperty() {
        return names.getReadOnlyProperty();
    }

    public Set<String> names() {
        return names.get();
    }

    /** Selects exactly these machines, in every view (none: clears the selection). */
    public void select(Collection<String> selected) {
        Set<String> s = Collections.unmodifiableSet(new LinkedHashSet<>(selected));
        if (s.equals(names.get())) {
            return;
        }
        names.set(s);
        requesting = true;
        try {
            machines.requestSelect(List.copyOf(s));
        } finally {
            requesting = false;
        }
    }

    private static Set<String> namesOf(List<Machine> ms) {
        Set<String> s = new LinkedHashSet<>();
        for (Machine m : ms) {
            s.add(m.name());
        }
        return Collections.unmodifiableSet(s);
    }
}
