package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.ui.LatestValueBatcher;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The inventory snapshot the views show, as an FX property. The service's listeners fire on worker threads;
 * their snapshots reach the FX thread through a {@link LatestValueBatcher}, so a burst of writes (an import, a
 * job updating host states) becomes at most one update per pulse.
 */
public final class InventoryModel implements AutoCloseable {
    private final InventoryService service;
    private final ReadOnlyObjectWrapper<Inventory> inventory;
    private final Consumer<Inventory> listener;

    /** @param fxThread {@code Platform::runLater} in the console, {@code Runnable::run} in tests */
    public InventoryModel(InventoryService service, Executor fxThread) {
        this.service = service;
        this.inventory = new ReadOnlyObjectWrapper<>(this, "inventory", service.inventory());
        LatestValueBatcher<Inventory> batcher = new LatestValueBatcher<>(fxThread, inventory::set);
        this.listener = batcher::post;
        service.addListener(listener);
    }

    public InventoryService service() {
        return service;
    }

    public ReadOnlyObjectProperty<Inventory> inventoryProperty() {
        return inventory.getReadOnlyProperty();
    }

    public Inventory inventory() {
        return inventory.get();
    }

    @Override
    public void close() {
        service.removeListener(listener);
    }
}
