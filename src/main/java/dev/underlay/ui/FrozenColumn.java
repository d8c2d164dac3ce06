package dev.underlay.ui;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Keeps one column of a table in view while the others scroll sideways: the column lives in a second, narrow
 * table on the left over the same rows, which scrolls up and down, selects, focuses and offers the context menu
 * with the main table. Chosen over shifting the column's cells by the scroll offset (a table with a fixed cell
 * size takes the cells of a column scrolled out of view off the scene, so they would vanish) and over ControlsFX's
 * SpreadsheetView (a grid of cell objects, where the machines table is rows of a virtualized list).
 *
 * <p>The owner sets both tables' items with {@link #setItems} (each its own list: a table binds a SortedList's
 * comparator to its own), and reads the frozen table's sort order beside the main one.
 */
public final class FrozenColumn<S> {
    /** Style class of the frozen table (no vertical scroll bar of its own). */
    public static final String FROZEN_TABLE = "frozen-column-table";

    private final TableView<S> main;
    private final TableView<S> frozen = new TableView<>();
    private final HBox node;
    private boolean syncing;

    public FrozenColumn(TableView<S> main, TableColumn<S, ?> column) {
        this.main = main;
        main.getColumns().remove(column);
        column.setReorderable(false);
        frozen.getColumns().add(column);
        frozen.setId(main.getId() == null ? null : main.getId() + "-frozen");
        frozen.getStyleClass().addAll(main.getStyleClass().stream()
                .filter(c -> !c.equals("table-view")).toList());
        frozen.getStyleClass().add(FROZEN_TABLE);
        frozen.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        frozen.setPlaceholder(new Label(""));
        frozen.getSelectionModel().selectionModeProperty().bind(main.getSelectionModel().selectionModeProperty());
        frozen.contextMenuProperty().bind(main.contextMenuProperty());
        frozen.onKeyPressedProperty().bind(main.onKeyPressedProperty());
        // as wide as the column, so it never scrolls sideways itself; the user still resizes it at its edge
        frozen.minWidthProperty().bind(column.widthProperty().add(1));
        frozen.prefWidthProperty().bind(frozen.minWidthProperty());
        frozen.maxWidthProperty().bind(frozen.minWidthProperty());
        main.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> copy(main,
                frozen));
        frozen.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> copy(frozen,
                main));
        main.skinProperty().addListener(o -> link());
        frozen.skinProperty().addListener(o -> link());
        HBox.setHgrow(main, Priority.ALWAYS);
        node = new HBox(frozen, main);
        node.getStyleClass().add("frozen-column-pair");
    }

    /** The two tables side by side, to put where the main table was. */
    public HBox node() {
        return node;
    }

    /** The table holding the frozen column. */
    public TableView<S> frozen() {
        return frozen;
    }

    /**
     * Gives both tables their rows (the same rows, in the same order) and keeps the frozen table's selection that
     * of the main one; {@code afterMain} runs between (the owner's reselection of the main table).
     */
    public void setItems(ObservableList<S> mainItems, ObservableList<S> frozenItems, Runnable afterMain) {
        syncing = true;
        try {
            frozen.setItems(frozenItems);
            main.setItems(mainItems);
            afterMain.run();
        } finally {
            syncing = false;
        }
        copy(main, frozen);
    }

    private void copy(TableView<S> from, TableView<S> to) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            List<Integer> wanted = List.copyOf(from.getSelectionModel().getSelectedIndices());
            if (!wanted.equals(to.getSelectionModel().getSelectedIndices())) {
                to.getSelectionModel().clearSelection();
                if (!wanted.isEmpty()) {
                    int[] rest = wanted.subList(1, wanted.size()).stream().mapToInt(Integer::intValue).toArray();
                    to.getSelectionModel().selectIndices(wanted.get(0), rest);
                }
            }
            int focused = from.getFocusModel().getFocusedIndex();
            if (focused >= 0 && to.getFocusModel().getFocusedIndex() != focused) {
                to.getFocusModel().focus(focused);
            }
        } finally {
            syncing = false;
        }
    }

    /** Once both tables have their skins: one vertical position, and room below the frozen rows for the bar. */
    private void link() {
        VirtualFlow<?> a = flow(main);
        VirtualFlow<?> b = flow(frozen);
        if (a == null || b == null || a.getProperties().containsKey(FROZEN_TABLE)) {
            return;
        }
        a.getProperties().put(FROZEN_TABLE, Boolean.TRUE);
        b.positionProperty().bindBidirectional(a.positionProperty());
        ScrollBar hbar = horizontalBar(a);
        if (hbar != null) {
            Runnable pad = () -> frozen.setPadding(new Insets(0, 0, hbar.isVisible() ? hbar.getHeight() : 0, 0));
            hbar.visibleProperty().addListener(o -> pad.run());
            hbar.heightProperty().addListener(o -> pad.run());
            pad.run();
        }
    }

    private static VirtualFlow<?> flow(TableView<?> t) {
        Node n = t.getSkin() == null ? null : t.lookup(".virtual-flow");
        return n instanceof VirtualFlow<?> f ? f : null;
    }

    private static ScrollBar horizontalBar(VirtualFlow<?> flow) {
        for (Node n : flow.getChildrenUnmodifiable()) {
            if (n instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL) {
                return s;
            }
        }
        return null;
    }
}
