package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One change applied to many machines at once: tags and profiles to add or remove, and optionally a new status.
 *
 * @param status {@code null} to leave each machine's status as it is
 */
public record BulkEdit(List<String> addTags, List<String> removeTags, List<String> addProfiles,
                       List<String> removeProfiles, MachineStatus status) {
    public BulkEdit {
        addTags = List.copyOf(addTags);
        removeTags = List.copyOf(removeTags);
        addProfiles = List.copyOf(addProfiles);
        removeProfiles = List.copyOf(removeProfiles);
    }

    public boolean isEmpty() {
        return addTags.isEmpty() && removeTags.isEmpty() && addProfiles.isEmpty() && removeProfiles.isEmpty()
                && status == null;
    }

    /** The machine with this edit applied; list order is kept and additions go to the end. */
    public Machine applyTo(Machine m) {
        Machine.Builder b = m.toBuilder()
                .tags(edit(m.tags(), addTags, removeTags))
                .profiles(edit(m.profiles(), addProfiles, removeProfiles));
        if (status != null) {
            b.status(MachineStatus.transition(m.status(), status));
        }
        return b.build();
    }

    private static List<String> edit(List<String> current, List<String> add, List<String> remove) {
        List<String> out = new ArrayList<>(current);
        out.removeIf(remove::contains);
        for (String a : add) {
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkEdit b && addTags.equals(b.addTags) && removeTags.equals(b.removeTags)
                && addProfiles.equals(b.addProfiles) && removeProfiles.equals(b.removeProfiles)
                && Objects.equals(status, b.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addTags, removeTags, addProfiles, removeProfiles, status);
    }
}
