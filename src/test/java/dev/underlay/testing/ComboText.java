package dev.underlay.testing;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * What a combo box shows: the text of its button cell. Not {@code lookup(".list-cell")}: the skin keeps its popup's
 * list among the box's children, and a lookup finds that list's cells first. FX thread.
 */
public final class ComboText {
    private ComboText() {
    }

    public static String of(Node comboBox) {
        ComboBox<?> box = (ComboBox<?>) comboBox;
        return box.getChildrenUnmodifiable().stream().filter(n -> n instanceof ListCell<?>)
                .map(n -> ((ListCell<?>) n).getText()).findFirst()
                .orElseThrow(() -> new IllegalStateException(box.getId() + " shows no button cell"));
    }
}
