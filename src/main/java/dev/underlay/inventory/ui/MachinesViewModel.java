package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineQuery;
import dev.underlay.inventory.QueryException;
import dev.underlay.background.TaskHandle;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the machines table: the rows (the snapshot's machines that match the search query, in the table's sort
 * order), the selection, and the actions on it (delete). The query is parsed on the FX thread at each change; a
 * query that does not parse shows its error and keeps the last good filter, so the table never empties while the
 * technician is still typing. Matching and sorting 100,000 machines runs on the filtering runner: each new query,
 * sort order or snapshot supersedes the computation in flight, and only the newest result replaces the rows, as
 * one new list (one change for the table, not one per machine).
 */
public final class MachinesViewModel {
    private final InventoryModel model;
    private final TaskRunner tasks;
    private final TaskRunner filtering;
    private final Consumer<String> messages;
    private final MachineRows computer = new MachineRows();

    private final ReadOnlyObjectWrapper<ObservableList<Machine>> rows =
            new ReadOnlyObjectWrapper<>(this, "rows", FXCollections.emptyObservableList());
    private final ObjectProperty<Comparator<? super Machine>> comparator = new SimpleObjectProperty<>(this,
            "comparator");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyStringWrapper queryError = new ReadOnlyStringWrapper(this, "queryError", "");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ObservableList<Machine> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<String>> selectRequest = new ReadOnlyObjectWrapper<>(this, "select");
    private volatile Inventory inventory;
    private MachineQuery current = MachineQuery.all();
    private long generation;
    private TaskHandle inFlight;
    private List<String> selectWhenShown;
    private List<Machine> shownList = List.of();

    /** Filters on {@code tasks} too (tests pass a same-thread runner). */
    public MachinesViewModel(InventoryModel model, TaskRunner tasks, Consumer<String> messages) {
        this(model, tasks, tasks, messages);
    }

    /**
     * @param tasks     writes (delete)
     * @param filtering where the rows are computed: one worker thread in the console, so a newer query waits for
     *                  nothing but the interrupted older one
     */
    public MachinesViewModel(InventoryModel model, TaskRunner tasks, TaskRunner filtering,
                             Consumer<String> messages) {
        this.model = model;
        this.tasks = tasks;
        this.filtering = filtering;
        this.messages = messages;
        query.addListener((obs, o, n) -> applyQuery(n));
        comparator.addListener((obs, o, n) -> refresh());
        model.inventoryProperty().addListener((obs, o, n) -> update(n));
        update(model.inventory());
    }

    private void update(Inventory inv) {
        inventory = inv;
        total.set(inv.machines().size());
        selection.replaceAll(m -> inv.machines().getOrDefault(m.name(), m));
        selection.removeIf(m -> !inv.machines().containsKey(m.name()));
        refresh();
    }

    private void applyQuery(String text) {
        MachineQuery q;
        try {
            q = MachineQuery.parse(text);
        } catch (QueryException e) {
            queryError.set(e.getMessage());
            return;
        }
        queryError.set("");
        current = q;
        refresh();
    }

    /** Recomputes the rows; what is cheap (every machine, name order: a copy) is done at once. */
    private void refresh() {
        long gen = ++generation;
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
        Inventory inv = inventory;
        MachineQuery q = current;
        Comparator<? super Machine> cmp = comparator.get();
        if (q.matchesAll() && cmp == null) {
            try {
                show(gen, computer.compute(inv, q, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // not a superseded worker: keep the flag for the caller
            }
            return;
        }
        TaskHandle h = filtering.submit("filter-machines", () -> computer.compute(inv, q, cmp),
                r -> show(gen, r), e -> {
                    if (e instanceof InterruptedException && gen == generation) {
                        refresh(); // interrupted though not superseded (a stray interrupt): compute again
                    } else if (gen == generation) {
                        inFlight = null;
                        messages.accept("Could not filter the machines: " + Failures.describe(e));
                    }
                });
        if (gen == generation && !h.isDone()) {
            inFlight = h;
        }
    }

    private void show(long gen, List<Machine> result) {
        if (gen != generation) {
            return; // a newer query, order or snapshot is on its way
        }
        inFlight = null;
        if (!sameMachines(shownList, result)) { // "all" after an empty box, an edit of a machine not shown
            shownList = result;
            rows.set(FXCollections.unmodifiableObservableList(FXCollections.observableList(result)));
        }
        shown.set(result.size());
        if (selectWhenShown != null) {
            List<String> names = selectWhenShown;
            selectWhenShown = null;
            requestSelect(names);
        }
    }

    /** Same machine objects in the same order: unchanged machines are the same objects from one snapshot on. */
    private static boolean sameMachines(List<Machine> a, List<Machine> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The rows to show: filtered, then sorted by {@link #comparatorProperty()}; replaced as a whole. */
    public ObservableList<Machine> rows() {
        return rows.get();
    }

    /**
     * The current rows list: a new list each time the query, the order or the snapshot changes what is shown.
     * Listen for invalidation: a change listener would compare the old and new lists machine by machine.
     */
    public ReadOnlyObjectProperty<ObservableList<Machine>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** The order of the rows (the table's sort order), or null for name order. */
    public ObjectProperty<Comparator<? super Machine>> comparatorProperty() {
        return comparator;
    }

    /** True while rows for a newer query, order or snapshot are being computed. */
    public boolean refreshing() {
        return inFlight != null;
    }

    /** The search box text: free text or the query language. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Why the query does not parse, or empty. */
    public ReadOnlyStringProperty queryErrorProperty() {
        return queryError.getReadOnlyProperty();
    }

    /**
     * What an empty table says: no machines at all, or which names of the query the inventory has not
     * ({@code No machine matches 'rack:r1': no rack is named r1; racks are fra1-r01, ...}).
     */
    public String emptyText() {
        Inventory inv = inventory;
        if (model.service() == null) {
            return "Opening the data folder\u2026"; // not "no machines yet" while the inventory is still being read
        }
        if (inv.machines().isEmpty()) {
            return "No machines yet: import an inventory (File > Import\u2026) or add one (Edit > New machine).";
        }
        List<String> notes = current.notes(inv);
        return "No machine matches '" + current.text() + "'" + (notes.isEmpty() ? "." : ": "
                + String.join(". ", notes) + ".");
    }

    /** The query in force (the last one that parsed). */
    public MachineQuery activeQuery() {
        return current;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The machines selected in the table; the view keeps it in step. */
    public ObservableList<Machine> selection() {
        return selection;
    }

    /** Set by the view whenever the table's selection changes. */
    public void select(List<Machine> machines) {
        selection.setAll(machines);
    }

    /** Names the view should select (after a create or rename); the view listens. */
    public ReadOnlyObjectProperty<List<String>> selectRequestProperty() {
        return selectRequest.getReadOnlyProperty();
    }

    /** Asks the view to select these machines, once rows being computed (with a new machine, say) are shown. */
    public void requestSelect(List<String> names) {
        if (inFlight != null) {
            selectWhenShown = List.copyOf(names);
            return;
        }
        selectRequest.set(null); // the same names asked twice are still two requests
        selectRequest.set(List.copyOf(names));
    }

    /** Latest snapshot the rows come from. */
    public Inventory inventory() {
        return inventory;
    }

    /** Deletes the selected machines (the view has asked for confirmation). */
    public void deleteSelected() {
        List<String> names = selection.stream().map(Machine::name).toList();
        if (names.isEmpty()) {
            return;
        }
        tasks.submit("delete-machines", () -> model.service().deleteMachines(names),
                inv -> messages.accept("Deleted " + describe(names) + "."),
                e -> messages.accept("Could not delete " + describe(names) + ": " + Failures.describe(e)));
    }

    static String describe(List<String> names) {
        return names.size() == 1 ? "machine " + names.get(0) : names.size() + " machines";
    }
}
