package dev.underlay.inventory;

import java.util.Optional;

/** Where the inventory is kept. The H2 implementation lives in {@code inventory.repository}. */
public interface InventoryStore {
    /** Reads the whole inventory. */
    Inventory load();

    /**
     * Writes the changes in one transaction: all of them or, on any error, none. Sealed param values go with them:
     * {@link InventoryChanges#sealedParams} are stored, and the values of removed owners, of renamed machines' old
     * names and of params an owner no longer holds sealed are deleted.
     */
    void apply(InventoryChanges changes, Inventory before);

    /** The sealed values of one owner's secure params (ciphertext only). */
    default java.util.List<SealedParam> sealedParams(ParamOwner owner) {
        return java.util.List.of();
    }

    /** How many sealed param values are stored, all owners together. */
    default int sealedParamCount() {
        return 0;
    }

    Optional<String> setting(String name);

    void putSetting(String name, String value);
}
