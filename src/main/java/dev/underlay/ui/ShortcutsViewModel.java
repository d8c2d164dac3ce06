package dev.underlay.ui;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Help &gt; Keyboard shortcuts: every shortcut of the console's menus ({@link Shortcuts}), grouped by where it
 * acts, with the keys as this platform writes them (Ctrl+F here, ⌘F on macOS).
 */
public final class ShortcutsViewModel {
    /** Opens this list. */
    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

    /**
     * One shortcut.
     *
     * @param area   where it acts ("Machines", "Window")
     * @param action what it does, as its menu item says
     * @param keys   the keys, as the platform shows them
     */
    public record Row(String area, String action, String keys) {
    }

    private final List<Row> rows = List.of(
            row("Machines", "Find machines (the search box)", Shortcuts.FIND),
            row("Machines", "New machine", Shortcuts.NEW),
            row("Machines", "Save the machine in the form", Shortcuts.SAVE),
            row("Machines", "Delete the selected machines (asks first)", Shortcuts.DELETE),
            row("Machines", "Run a command on the selected machines", Shortcuts.RUN_COMMAND),
            row("Inventory", "Import a file (preview first)", Shortcuts.IMPORT),
            row("Inventory", "Export the inventory", Shortcuts.EXPORT),
            row("Window", "Keyboard shortcuts (this list)", HELP),
            row("Window", "Close a tool, job, messages or About window (Escape too where nothing runs)",
                    WindowKeys.CLOSE),
            row("Window", "Quit Underlay", Shortcuts.QUIT));

    /** Every shortcut, in menu order. */
    public List<Row> rows() {
        return rows;
    }

    private static Row row(String area, String action, KeyCombination keys) {
        return new Row(area, action, keys.getDisplayText());
    }
}
