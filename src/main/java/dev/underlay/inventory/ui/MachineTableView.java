package dev.underlay.inventory.ui;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.ui.Icons;
import dev.underlay.ui.UiStyles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The search box and the machines table. A virtualized {@link TableView} over the view model's sorted, filtered
 * list: rows are recycled cells, never one node per machine. Binds and forwards only.
 */
public final class MachineTableView extends VBox {
    private static final List<PseudoClass> STATUS_CLASSES = Arrays.stream(MachineStatus.values())
            .map(s -> UiStyles.status(s.id())).toList();

    private final MachinesViewModel vm;
    private final CustomTextField search = new CustomTextField();
    private final TableView<Machine> table = new TableView<>();
    private boolean applyingRequest;

    public MachineTableView(MachinesViewModel vm) {
        this.vm = vm;
        search.setId("machine-search");
        search.setPromptText("Search: text, or rack:r1 tag:gpu kind:cloud status:failed name:web* -status:failed");
        search.setLeft(Icons.SEARCH.node());
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.pseudoClassStateChanged(UiStyles.INVALID, false);
        search.setTooltip(new Tooltip(queryHelp()));
        vm.queryErrorProperty().addListener((obs, o, n) -> search.pseudoClassStateChanged(Styles.STATE_DANGER,
                !n.isEmpty()));

        Label error = new Label();
        error.setId("query-error");
        error.getStyleClass().addAll(UiStyles.QUERY_ERROR, Styles.TEXT_SMALL);
        error.textProperty().bind(vm.queryErrorProperty());
        error.setWrapText(true);
        error.visibleProperty().bind(vm.queryErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        table.setId("machine-table");
        table.getStyleClass().addAll(Styles.STRIPED, Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No machine matches the search."));
        table.getColumns().addAll(List.of(
                text("Name", 124, Machine::name),
                text("Kind", 92, m -> m.kind().id()),
                statusColumn(),
                text("Site", 82, Machine::site),
                text("Rack", 70, Machine::rack),
                uColumn(),
                text("Face", 78, m -> m.face().id()),
                text("Address", 80, Machine::address),
                portColumn(),
                text("User", 54, Machine::sshUser),
                text("Tags", 150, m -> String.join(", ", m.tags())),
                text("Profiles", 120, m -> String.join(", ", m.profiles()))));
        table.setItems(vm.rows());
        vm.comparatorProperty().bind(table.comparatorProperty());
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Machine>) c -> {
            if (!applyingRequest) {
                vm.select(new ArrayList<>(table.getSelectionModel().getSelectedItems()));
            }
        });
        vm.selectRequestProperty().addListener((obs, o, names) -> selectNames(names));
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox top = new VBox(4, search, error);
        top.getStyleClass().add("search-bar");
        getChildren().addAll(top, table);
        getStyleClass().add("machine-table-view");
    }

    private void selectNames(List<String> names) {
        if (names == null || names.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>(names);
        applyingRequest = true;
        try {
            table.getSelectionModel().clearSelection();
            int first = -1;
            for (int i = 0; i < table.getItems().size(); i++) {
                if (wanted.contains(table.getItems().get(i).name())) {
                    table.getSelectionModel().select(i);
                    first = first < 0 ? i : first;
                }
            }
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

    private static TableColumn<Machine, String> text(String title, double width, Function<Machine, String> f) {
        TableColumn<Machine, String> c = new TableColumn<>(title);
        c.setId("col-" + title.toLowerCase());
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        return c;
    }

    private static TableColumn<Machine, Machine> uColumn() {
        TableColumn<Machine, Machine> c = new TableColumn<>("U");
        c.setId("col-u");
        c.setPrefWidth(54);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        c.setComparator(Comparator.comparing(Machine::uPosition, Comparator.nullsLast(Comparator.naturalOrder())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Machine m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null || m.uPosition() == null ? ""
                        : m.uHeight() > 1 ? m.uPosition() + "\u2013" + m.topU() : m.uPosition().toString());
            }
        });
        return c;
    }

    private static TableColumn<Machine, Integer> portColumn() {
        TableColumn<Machine, Integer> c = new TableColumn<>("Port");
        c.setId("col-port");
        c.setPrefWidth(58);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().sshPort()));
        return c;
    }

    private static TableColumn<Machine, MachineStatus> statusColumn() {
        TableColumn<Machine, MachineStatus> c = new TableColumn<>("Status");
        c.setId("col-status");
        c.setPrefWidth(88);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().status()));
        c.setComparator(Comparator.comparing(MachineStatus::id));
        c.setCellFactory(col -> new TableCell<>() {
            {
                getStyleClass().add(UiStyles.STATUS_CELL);
            }

            @Override
            protected void updateItem(MachineStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? "" : s.id());
                UiStyles.switchPseudoClass(this, STATUS_CLASSES, empty || s == null ? null : UiStyles.status(s.id()));
            }
        });
        return c;
    }

    private static String queryHelp() {
        StringBuilder sb = new StringBuilder("Free text matches name, address, rack, site or tag.\n"
                + "Fields (field:value, * and ? globs, commas for any of, - or ! to negate):\n");
        dev.underlay.inventory.MachineQuery.FIELDS.forEach((k, v) -> sb.append("  ").append(k).append(": ")
                .append(v).append('\n'));
        return sb.toString().stripTrailing();
    }
}
