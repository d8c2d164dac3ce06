package dev.underlay.inventory;

import java.util.Optional;

/** Where the inventory is kept. The H2 implementation lives in {@code inventory.repository}. */
public interface InventoryStore {
    /** Reads the whole inventory. */
    Inventory load();

    /** Writes the changes in one transaction: all of them or, on any error, none. */
    void apply(InventoryChanges changes, Inventory before);

    Optional<String> setting(String name);

    void putSetting(String name, String value);
}
