package dev.underlay.app;

import dev.underlay.cli.CliContext;
import dev.underlay.db.Database;
import dev.underlay.inventory.DemoInventory;
import dev.underlay.inventory.InventoryService;
import dev.underlay.inventory.repository.JdbcInventoryStore;
import dev.underlay.tasks.ExecutorTaskRunner;
import dev.underlay.tasks.TaskRunner;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * Wires the application by hand: database, stores, services, task runner. One per open data folder; the console
 * and the CLI build the same one (the CLI without demo data and with a caller-thread executor).
 */
public final class AppContext implements CliContext {
    /** Setting recording that the demo inventory was offered, so deleting it does not bring it back. */
    public static final String DEMO_SEEDED = "demo.seeded";

    private final Path dataFolder;
    private final Database database;
    private final InventoryService inventory;
    private final TaskRunner tasks;

    private AppContext(Path dataFolder, Database database, InventoryService inventory, TaskRunner tasks) {
        this.dataFolder = dataFolder;
        this.database = database;
        this.inventory = inventory;
        this.tasks = tasks;
    }

    /**
     * Opens the data folder.
     *
     * @param seedDemo   fill a newly created database with the demo inventory (the console does, the CLI not)
     * @param callbacks  where task results are delivered ({@code Platform::runLater} in the console)
     */
    public static AppContext open(Path dataFolder, boolean seedDemo, Executor callbacks) {
        Database db = Database.open(dataFolder);
        try {
            JdbcInventoryStore store = new JdbcInventoryStore(db);
            InventoryService service = new InventoryService(store);
            if (seedDemo && db.created() && store.setting(DEMO_SEEDED).isEmpty()) {
                service.apply(DemoInventory.changes(labKey(db.folder())));
                store.putSetting(DEMO_SEEDED, "true");
            }
            TaskRunner tasks = new ExecutorTaskRunner("underlay-task", 4, callbacks);
            return new AppContext(db.folder(), db, service, tasks);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The client key the simulated lab accepts, kept in the data folder. */
    public static Path labKey(Path dataFolder) {
        return dataFolder.resolve("lab").resolve("client_ed25519");
    }

    @Override
    public Path dataFolder() {
        return dataFolder;
    }

    public Database database() {
        return database;
    }

    @Override
    public InventoryService inventory() {
        return inventory;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    @Override
    public void close() {
        tasks.close();
        database.close();
    }
}
