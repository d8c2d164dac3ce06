package dev.underlay.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** Tool-bar buttons of the canvas views: an id for tests and styling, a tooltip that says what it does. */
public final class ToolButtons {
    private ToolButtons() {
    }

    public static Button of(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
