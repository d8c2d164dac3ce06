package dev.underlay.inventory.ui;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.underlay.inventory.Machine;
import dev.underlay.ui.FrozenColumn;
import dev.underlay.ui.Icons;
import dev.underlay.ui.UiStyles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.text.Font;
import javafx.scene.layout.VBox;

/**
 * The search box and the machines table. A virtualized {@link TableView} over the view model's rows (filtered and
 * sorted off the FX thread): rows are recycled cells, never one node per machine. Clicking a column header hands
 * the order to the view model. Binds and forwards only.
 */
public final class MachineTableView extends VBox {
    /** The table's font size (app.css, {@code .machine-table-view .table-view}), for sizing columns to text. */
    private static final double FONT_SIZE = 13;
    private final MachinesViewModel vm;
    private final CustomTextField search = new CustomTextField();
    private final TableView<Machine> table = new TableView<>();
    private final MachineColumns columns = new MachineColumns();
    private final FrozenColumn<Machine> frozenName;
    private boolean applyingRequest;

    public MachineTableView(MachinesViewModel vm) {
        this.vm = vm;
        search.setId("machine-search");
        search.setPromptText("Search: text, or rack:fra1-r01 tag:gpu status:failed name:fra1-web* "
                + "fra1-k8s-w[01-06] -status:retired");
        search.setLeft(Icons.SEARCH.node());
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.pseudoClassStateChanged(UiStyles.INVALID, false);
        search.setTooltip(new Tooltip(queryHelp()));
        vm.queryErrorProperty().addListener((obs, o, n) -> search.pseudoClassStateChanged(Styles.STATE_DANGER,
                !n.isEmpty()));

        Label error = new Label();
        error.setId("query-error");
        error.getStyleClass().addAll(UiStyles.QUERY_ERROR, Styles.TEXT_SMALL);
        error.textProperty().bind(vm.queryErrorProperty().map(e -> "Not a valid query (the table shows the last "
                + "one): " + e));
        error.setWrapText(true);
        error.visibleProperty().bind(vm.queryErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        table.setId("machine-table");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label(vm.emptyText());
        empty.setId("machine-table-empty");
        empty.setWrapText(true);
        empty.setMaxWidth(640);
        table.setPlaceholder(empty);
        table.getColumns().addAll(columns.all());
        // the Name column stays in view when the others scroll sideways (a table of its own beside the table)
        frozenName = new FrozenColumn<>(table, columns.name());
        // Sorting is the view model's (on a worker, over the whole filtered list); the tables only say the order.
        table.setSortPolicy(t -> sortChanged());
        frozenName.frozen().setSortPolicy(t -> sortChanged());
        showRows(vm.rows());
        vm.rowsProperty().addListener(o -> showRows(vm.rows())); // not a change listener: no list compare
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Machine>) c -> {
            if (!applyingRequest) {
                vm.select(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
            }
        });
        vm.selectRequestProperty().addListener((obs, o, names) -> selectNames(names));
        VBox.setVgrow(frozenName.node(), Priority.ALWAYS);

        VBox top = new VBox(4, search, error);
        top.getStyleClass().add("search-bar");
        getChildren().addAll(top, frozenName.node());
        getStyleClass().add("machine-table-view");
    }

    /**
     * Puts a new rows list in the table as one items change, so the visible rows are updated in place (a change
     * replacing every item would make the table rebuild its rows and restyle every cell). The machines selected
     * before that are still shown stay selected.
     */
    private void showRows(ObservableList<Machine> rows) {
        if (rows.isEmpty() && table.getPlaceholder() instanceof Label empty) {
            empty.setText(vm.emptyText());
        }
        columns.fit(rows, Font.font(FONT_SIZE));
        List<Machine> before = List.copyOf(vm.selection());
        applyingRequest = true;
        try {
            // the table clears its sort order when given items that are not a SortedList (RT-35763): an
            // unsorted SortedList over the already sorted rows keeps the column headers' arrows
            TableView<Machine> names = frozenName.frozen();
            frozenName.setItems(table.getSortOrder().isEmpty() ? rows : new SortedList<>(rows),
                    names.getSortOrder().isEmpty() ? rows : new SortedList<>(rows), () -> {
                        if (!before.isEmpty()) {
                            reselect(before.stream().map(Machine::name).collect(Collectors.toSet()));
                        }
                    });
        } finally {
            applyingRequest = false;
        }
        List<Machine> now = table.getSelectionModel().getSelectedItems();
        if (!now.equals(vm.selection())) {
            vm.select(new ArrayList<>(now));
        }
    }

    /** The order of both tables' sort orders (the frozen Name column's first) goes to the view model. */
    private boolean sortChanged() {
        List<TableColumn<Machine, ?>> order = new ArrayList<>(frozenName.frozen().getSortOrder());
        order.addAll(table.getSortOrder());
        vm.comparatorProperty().set(columns.comparator(order));
        return true;
    }

    /** Selects the rows of these machines; returns the first index selected, or -1. */
    private int reselect(Set<String> wanted) {
        List<Machine> items = table.getItems();
        int[] found = new int[Math.min(wanted.size(), items.size())];
        int n = 0;
        for (int i = 0; i < items.size() && n < found.length; i++) {
            if (wanted.contains(items.get(i).name())) {
                found[n++] = i;
            }
        }
        table.getSelectionModel().clearSelection();
        if (n > 0) {
            table.getSelectionModel().selectIndices(found[0], Arrays.copyOfRange(found, 1, n));
        }
        return n > 0 ? found[0] : -1;
    }

    private void selectNames(List<String> names) {
        if (names == null) {
            return; // an empty list is a request too: clear the selection (the racks' "select nothing")
        }
        applyingRequest = true;
        try {
            int first = reselect(new HashSet<>(names));
            if (first >= 0) {
                table.scrollTo(Math.max(0, first - 3));
            }
        } finally {
            applyingRequest = false;
        }
        vm.select(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
    }

    /** Moves the keyboard focus to the search box and selects its text (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<Machine> table() {
        return table;
    }

    /** The table of the frozen Name column, beside {@link #table()}. */
    public TableView<Machine> nameTable() {
        return frozenName.frozen();
    }

    private static String queryHelp() {
        StringBuilder sb = new StringBuilder("Free text matches name, address, rack, site or tag.\n"
                + "A node set names machines exactly: fra1-k8s-w[01-06,12], fra1-db01,fra1-web01.\n"
                + "Fields (field:value, * and ? globs, commas for any of, - or ! to negate),\n"
                + "e.g. rack:fra1-r01 -status:retired, tag:gpu,ceph, param:env=prod:\n");
        dev.underlay.inventory.MachineQuery.FIELDS.forEach((k, v) -> sb.append("  ").append(k).append(": ")
                .append(v).append('\n'));
        return sb.toString().stripTrailing();
    }
}
