package dev.underlay.inventory.io;

import dev.underlay.inventory.InventoryChanges;
import java.util.List;

/**
 * What an import would do, computed without writing: entities added and changed (as "machine web01" lines), or
 * the problems that refuse it. Applied by {@link InventoryImporter#apply(ImportPlan)} in one transaction.
 */
public record ImportPlan(String file, InventoryFormat format, InventoryChanges changes, List<String> added,
                         List<String> changed, List<String> unchanged, List<ImportProblem> problems) {
    public ImportPlan {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One line such as {@code 40 to add, 2 to change, 3 unchanged}. */
    public String summary() {
        return added.size() + " to add, " + changed.size() + " to change, " + unchanged.size() + " unchanged";
    }
}
