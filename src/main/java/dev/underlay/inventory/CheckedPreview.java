package dev.underlay.inventory;

/**
 * A rule check that changes passed against a snapshot, kept with the changes: an import checks its changes when it
 * makes the plan and the service checks them again when they are applied. When nothing they hold was replaced
 * since (sealing replaces an entity that carries a secure value) and they meet the same snapshot, the candidate
 * and the rules' answer are the same by construction ({@link InventoryChanges#applyTo} and
 * {@link InventoryRules#validateAll} read nothing else), so the second check reuses the first instead of checking
 * 100,000 machines again.
 */
final class CheckedPreview {
    private final Inventory before;
    private final Inventory after;
    private final Object[][] contents;

    CheckedPreview(Inventory before, Inventory after, Object[][] contents) {
        this.before = before;
        this.after = after;
        this.contents = contents;
    }

    /** The candidate, when {@code ch} still holds exactly the same entities and meets the same snapshot. */
    Inventory afterFor(Inventory snapshot, InventoryChanges ch) {
        if (snapshot != before) {
            return null;
        }
        Object[][] now = ch.contents();
        for (int i = 0; i < now.length; i++) {
            if (now[i].length != contents[i].length) {
                return null;
            }
            for (int j = 0; j < now[i].length; j++) {
                if (now[i][j] != contents[i][j]) {
                    return null;
                }
            }
        }
        return after;
    }
}
