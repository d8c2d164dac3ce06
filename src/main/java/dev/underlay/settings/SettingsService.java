package dev.underlay.settings;

import dev.underlay.inventory.InventoryStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Named user settings (the console's theme, ...), kept in the data folder's database beside the inventory. The
 * console reads them here rather than through the inventory's store, so that views never hold storage. Calls block
 * on the database: view models make them through the task runner.
 */
public final class SettingsService {
    private final InventoryStore store;

    public SettingsService(InventoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The setting's value, or empty when it was never set. */
    public Optional<String> get(String key) {
        return store.setting(key);
    }

    /** Sets (or replaces) a setting. */
    public void put(String key, String value) {
        store.putSetting(key, value);
    }
}
