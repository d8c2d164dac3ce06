package dev.underlay.inventory.io;

import dev.underlay.inventory.InventoryChanges;
import java.util.List;

/**
 * What an import would do, computed without writing: entities added and changed (as "machine web01" lines), for
 * each changed one its fields' old and new values, or the problems that refuse it, in the file's line order (those
 * of no one line first). Applied by {@link InventoryImporter#apply(ImportPlan)} in one transaction.
 *
 * @param notes   things the user should know that do not refuse the import (for example secure values kept)
 * @param secrets passwords to hand to the secret store on apply; opaque, never printed
 * @param mode    how records that exist were treated (merged into or replaced)
 * @param diffs   per changed entity, in the order of {@link #changed()}, what changes in it
 */
public record ImportPlan(String file, InventoryFormat format, InventoryChanges changes, List<String> added,
                         List<String> changed, List<String> unchanged, List<ImportProblem> problems,
                         List<String> notes, PendingSecrets secrets, ImportMode mode, List<ImportDiff> diffs) {
    public ImportPlan {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        // found by parsing first, then by checking the rules: a technician reads them top to bottom of the file
        problems = problems.stream().sorted(java.util.Comparator.comparingInt(ImportProblem::line)).toList();
        notes = List.copyOf(notes);
        secrets = secrets == null ? PendingSecrets.NONE : secrets;
        mode = mode == null ? ImportMode.DEFAULT : mode;
        diffs = List.copyOf(diffs);
    }

    /** A plan without notes or secrets (the original outline's shape). */
    public ImportPlan(String file, InventoryFormat format, InventoryChanges changes, List<String> added,
                      List<String> changed, List<String> unchanged, List<ImportProblem> problems) {
        this(file, format, changes, added, changed, unchanged, problems, List.of(), PendingSecrets.NONE);
    }

    /** A plan in the default mode without field diffs. */
    public ImportPlan(String file, InventoryFormat format, InventoryChanges changes, List<String> added,
                      List<String> changed, List<String> unchanged, List<ImportProblem> problems,
                      List<String> notes, PendingSecrets secrets) {
        this(file, format, changes, added, changed, unchanged, problems, notes, secrets, ImportMode.DEFAULT,
                List.of());
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One line such as {@code 40 to add, 2 to change, 3 unchanged}. */
    public String summary() {
        return added.size() + " to add, " + changed.size() + " to change, " + unchanged.size() + " unchanged";
    }

    /** What was done once the plan is applied: {@code added 2, changed 3 (1 unchanged)}. */
    public String done() {
        if (added.isEmpty() && changed.isEmpty()) {
            return "nothing to add or change (" + unchanged.size() + " unchanged)";
        }
        return "added " + added.size() + ", changed " + changed.size() + " (" + unchanged.size() + " unchanged)";
    }

    /** One sentence per changed record that would lose something (a param, a tag, a member). */
    public List<String> warnings() {
        return diffs.stream().map(ImportDiff::warning).filter(w -> !w.isEmpty()).toList();
    }
}
