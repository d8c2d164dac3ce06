package dev.underlay.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window's frame: menu bar on top, navigation between areas on the left, the chosen area in the middle,
 * the status bar at the bottom. Knows nothing of the areas' content; the application adds them.
 */
public final class AppShell extends BorderPane {
    private final VBox nav = new VBox(4);
    private final StackPane content = new StackPane();
    private final ToggleGroup group = new ToggleGroup();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final Map<String, Node> areas = new LinkedHashMap<>();
    private String shown;

    public AppShell(MenuBar menus, StatusBar status) {
        getStyleClass().add(UiStyles.APP_ROOT);
        nav.getStyleClass().add(UiStyles.NAV);
        nav.setId("nav");
        content.setId("content");
        setTop(menus);
        setLeft(nav);
        setCenter(content);
        setBottom(status);
        group.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null && o != null) {
                o.setSelected(true); // one area is always shown
            }
        });
    }

    /** Puts a tool bar under the menu bar. */
    public void setToolBar(ToolBar tools) {
        tools.getStyleClass().add(UiStyles.TOOL_BAR);
        setTop(new VBox(getTop(), tools));
    }

    /** Adds an area and its navigation button; the first one added is shown first. */
    public void addArea(String id, String title, Icons icon, Node area) {
        ToggleButton b = new ToggleButton(title, icon.node());
        b.setId("nav-" + id);
        b.getStyleClass().add(UiStyles.NAV_BUTTON);
        b.setToggleGroup(group);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> show(id));
        buttons.put(id, b);
        areas.put(id, area);
        nav.getChildren().add(b);
        if (areas.size() == 1) {
            show(id);
        }
    }

    /** Shows the area with this id. */
    public void show(String id) {
        Node area = areas.get(id);
        if (area == null) {
            throw new IllegalArgumentException("no area " + id);
        }
        buttons.get(id).setSelected(true);
        content.getChildren().setAll(area);
        shown = id;
    }

    /** The id of the area shown. */
    public String shown() {
        return shown;
    }
}
