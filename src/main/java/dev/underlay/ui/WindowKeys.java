package dev.underlay.ui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Keys that close a secondary window: Ctrl+W (Cmd+W) on every tool and job window, as in a browser or a terminal;
 * Escape as well on windows that only show something (messages, shortcuts, About), where nothing runs that an
 * Escape meant for a field could stop. The main window is closed by Quit, never by these.
 */
public final class WindowKeys {
    public static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private WindowKeys() {
    }

    /** Ctrl+W closes {@code window}: as its close button does, so its hiding handlers run. */
    public static void closeWithShortcut(Stage window) {
        window.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (CLOSE.match(e)) {
                e.consume();
                window.close();
            }
        });
    }

    /** Ctrl+W and an Escape nothing inside the window used (a combo box's popup, a field) close {@code window}. */
    public static void closeWithShortcutOrEscape(Stage window) {
        closeWithShortcut(window);
        window.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed()) {
                e.consume();
                window.close();
            }
        });
    }
}
