package dev.underlay.inventory.ui;

import dev.underlay.app.AppContext;
import dev.underlay.background.CurrentThreadTaskRunner;
import dev.underlay.background.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real data folder with the demo inventory, a same-thread task runner and a direct "FX thread". */
final class DemoFixture implements AutoCloseable {
    final AppContext context;
    final InventoryModel model;
    final TaskRunner tasks = new CurrentThreadTaskRunner();
    final List<String> messages = new ArrayList<>();

    DemoFixture(Path dir) {
        context = AppContext.open(dir, true, Runnable::run);
        model = new InventoryModel(context.inventory(), Runnable::run);
    }

    String lastMessage() {
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1);
    }

    @Override
    public void close() {
        model.close();
        context.close();
    }
}
