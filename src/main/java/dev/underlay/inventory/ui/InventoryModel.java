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
 * job updating host states) becomes at most one update per pulse. The console builds its window before the data
 * folder is read: the model then starts empty and gets its service with {@link #attach(InventoryService)}.
 */
public final class InventoryModel implements AutoCloseable {
    private final ReadOnlyObjectWrapper<Inventory> inventory;
    private final Consumer<Inventory> listener;
    private InventoryService service;

    /** @param fxThread {@code Platform::runLater} in the console, {@code Runnable::run} in tests */
    public InventoryModel(InventoryService service, Executor fxThread) {
        this(fxThread);
        attach(service);
    }

    /** An empty model waiting for {@link #attach(InventoryService)}; nothing may write through it before. */
    public InventoryModel(Executor fxThread) {
        this.inventory = new ReadOnlyObjectWrapper<>(this, "inventory", Inventory.empty());
        LatestValueBatcher<Inventory> batcher = new LatestValueBatcher<>(fxThread, inventory::set);
        this.listener = batcher::post;
    }

    /** Starts showing this service's snapshots, beginning with its current one. Once, on the FX thread. */
    public void attach(InventoryService s) {
        if (service != null) {
            throw new IllegalStateException("the inventory model already has its service");
        }
        service = s;
        s.addListener(listener);
        inventory.set(s.inventory());
    }

    /** The service writes go through; null until attached. */
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
        if (service != null) {
            service.removeListener(listener);
        }
    }
}
