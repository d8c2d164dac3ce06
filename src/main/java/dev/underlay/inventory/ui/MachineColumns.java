package dev.underlay.inventory.ui;

import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.ui.UiStyles;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The machines table's columns, and the sort order of the table turned into a plain comparator over machines. The
 * comparator reads no control (each column's value function and direction are taken when it is made), so the view
 * model can sort 100,000 machines with it on a worker thread.
 */
final class MachineColumns {
    /** Text sorts case-insensitively, fast: the table's default comparator builds a Collator for every compare. */
    static final Comparator<String> TEXT = Comparator.nullsFirst(
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
    private static final List<PseudoClass> STATUS_CLASSES = Arrays.stream(MachineStatus.values())
            .map(s -> UiStyles.status(s.id())).toList();

    private final Map<TableColumn<Machine, ?>, Function<Machine, ?>> values = new IdentityHashMap<>();
    /** Rows measured to size the Tags and Profiles columns, and the widest they grow to (a tooltip shows more). */
    static final int FIT_ROWS = 500;
    static final double FIT_MAX_WIDTH = 360;

    private final List<TableColumn<Machine, ?>> columns;
    private final TableColumn<Machine, String> tags = listColumn("Tags", 150, Machine::tags);
    private final TableColumn<Machine, String> profiles = listColumn("Profiles", 120, Machine::profiles);

    MachineColumns() {
        columns = List.of(
                text("Name", 124, Machine::name),
                text("Kind", 92, m -> m.kind().id()),
                statusColumn(),
                text("Site", 82, Machine::site),
                text("Rack", 70, Machine::rack),
                uColumn(),
                text("Face", 78, m -> m.kind() == MachineKind.CLOUD ? "" : m.face().id()),
                text("Address", 80, Machine::address),
                portColumn(),
                text("User", 54, Machine::sshUser),
                tags,
                profiles);
    }

    /** The Name column (kept in view when the table scrolls sideways). */
    TableColumn<Machine, ?> name() {
        return columns.get(0);
    }

    /**
     * Widens the Tags and Profiles columns to their longest text among the first rows (never narrower than they
     * are, never wider than {@link #FIT_MAX_WIDTH}), measured in {@code font}.
     */
    void fit(List<Machine> rows, Font font) {
        fit(tags, rows, font);
        fit(profiles, rows, font);
    }

    private void fit(TableColumn<Machine, String> c, List<Machine> rows, Font font) {
        @SuppressWarnings("unchecked")
        Function<Machine, String> value = (Function<Machine, String>) values.get(c);
        Text probe = new Text();
        probe.setFont(font);
        double widest = 0;
        for (int i = 0; i < Math.min(rows.size(), FIT_ROWS); i++) {
            probe.setText(value.apply(rows.get(i)));
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        double wanted = Math.min(FIT_MAX_WIDTH, Math.ceil(widest) + 24); // the cell's padding and a margin
        if (wanted > c.getWidth()) {
            c.setPrefWidth(wanted);
        }
    }

    List<TableColumn<Machine, ?>> all() {
        return columns;
    }

    /** The order of this sort order as a comparator, or null for none (name order). */
    Comparator<Machine> comparator(List<? extends TableColumn<Machine, ?>> sortOrder) {
        Comparator<Machine> result = null;
        for (TableColumn<Machine, ?> c : sortOrder) {
            @SuppressWarnings("unchecked")
            Function<Machine, Object> value = (Function<Machine, Object>) values.get(c);
            @SuppressWarnings("unchecked")
            Comparator<Object> order = (Comparator<Object>) c.getComparator();
            if (value == null || order == null || !c.isSortable()) {
                continue;
            }
            Comparator<Machine> one = Comparator.comparing(value, order);
            if (c.getSortType() == TableColumn.SortType.DESCENDING) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        return result;
    }

    private <T> TableColumn<Machine, T> column(String title, String id, double width, Function<Machine, T> value,
                                               Comparator<T> order) {
        TableColumn<Machine, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        c.setComparator(order);
        values.put(c, value);
        return c;
    }

    private TableColumn<Machine, String> text(String title, double width, Function<Machine, String> f) {
        return column(title, "col-" + title.toLowerCase(), width, f, TEXT);
    }

    /** A list shown joined by commas; the whole list in a tooltip, for a cell too narrow to show it. */
    private TableColumn<Machine, String> listColumn(String title, double width, Function<Machine, List<String>> f) {
        TableColumn<Machine, String> c = text(title, width, m -> String.join(", ", f.apply(m)));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? "" : s);
                tip.setText(s);
                setTooltip(empty || s == null || s.isEmpty() ? null : tip);
            }
        });
        return c;
    }

    private TableColumn<Machine, Machine> uColumn() {
        TableColumn<Machine, Machine> c = column("U", "col-u", 54, m -> m,
                Comparator.comparing(Machine::uPosition, Comparator.nullsLast(Comparator.naturalOrder())));
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

    private TableColumn<Machine, Integer> portColumn() {
        return column("Port", "col-port", 58, Machine::sshPort, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private TableColumn<Machine, MachineStatus> statusColumn() {
        TableColumn<Machine, MachineStatus> c = column("Status", "col-status", 88, Machine::status,
                Comparator.comparing(MachineStatus::id));
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
}
