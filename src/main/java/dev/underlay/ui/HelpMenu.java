package dev.underlay.ui;

import dev.underlay.about.BuildInfo;
import dev.underlay.about.BundledLibraries;
import dev.underlay.background.TaskRunner;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.Window;

/**
 * The console's Help menu: Keyboard shortcuts (F1) and About Underlay. It works from the first moment the window
 * shows, before the data folder is open (the folder's path is asked for when About opens).
 */
public final class HelpMenu implements AutoCloseable {
    private final Menu menu = new Menu("_Help");
    private final TaskRunner tasks;
    private ShortcutsDialog shortcuts;

    /**
     * @param owner      the main window
     * @param tasks      runs About's reading of the build's facts (its own: the window's runner waits for the data
     *                   folder); closed with this menu
     * @param dataFolder the data folder in use, as it should be shown
     * @param keysFolder the folder of the user's secrets keys, as it should be shown
     */
    public HelpMenu(Supplier<Window> owner, TaskRunner tasks, Supplier<String> dataFolder,
                    Supplier<String> keysFolder) {
        this.tasks = tasks;
        menu.setId("menu-help");
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setId("menu-help-shortcuts");
        keys.setAccelerator(ShortcutsViewModel.HELP);
        keys.setOnAction(e -> {
            if (shortcuts == null) {
                shortcuts = new ShortcutsDialog(owner.get(), new ShortcutsViewModel());
            }
            shortcuts.show();
        });
        MenuItem about = new MenuItem("About Underlay");
        about.setId("menu-help-about");
        about.setOnAction(e -> {
            AboutViewModel vm = new AboutViewModel(tasks, BuildInfo::current, BundledLibraries::list,
                    dataFolder.get(), keysFolder.get());
            new AboutDialog(owner.get(), vm).show();
            vm.load();
        });
        menu.getItems().addAll(keys, new SeparatorMenuItem(), about);
    }

    public Menu menu() {
        return menu;
    }

    @Override
    public void close() {
        tasks.close();
    }
}
