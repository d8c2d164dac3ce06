package dev.underlay.inventory.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineQuery;
import dev.underlay.inventory.QueryException;
import dev.underlay.tasks.TaskRunner;
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
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * State of the machines table: one list of every machine, filtered by the search query and sorted by the
 * table's comparator; the selection; and the actions on it (delete). The query is parsed on each change; a
 * query that does not parse shows its error and keeps the last good filter, so the table never empties while
 * the technician is still typing.
 */
public final class MachinesViewModel {
    private final InventoryModel model;
    private final TaskRunner tasks;
    private final Consumer<String> messages;

    private final ObservableList<Machine> all = FXCollections.observableArrayList();
    private final FilteredList<Machine> filtered = new FilteredList<>(all);
    private final SortedList<Machine> sorted = new SortedList<>(filtered);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyStringWrapper queryError = new ReadOnlyStringWrapper(this, "queryError", "");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ObservableList<Machine> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<List<String>> selectRequest = new ReadOnlyObjectWrapper<>(this, "select");
    private volatile Inventory inventory;
    private MachineQuery current = MachineQuery.all();

    public MachinesViewModel(InventoryModel model, TaskRunner tasks, Consumer<String> messages) {
        this.model = model;
        this.tasks = tasks;
        this.messages = messages;
        query.addListener((obs, o, n) -> applyQuery(n));
        model.inventoryProperty().addListener((obs, o, n) -> update(n));
        update(model.inventory());
        filtered.addListener((javafx.collections.ListChangeListener<Machine>) c -> shown.set(filtered.size()));
        shown.set(filtered.size());
    }

    private void update(Inventory inv) {
        inventory = inv;
        MachineListSync.sync(all, inv.machines().values());
        total.set(all.size());
        selection.replaceAll(m -> inv.machines().getOrDefault(m.name(), m));
        selection.removeIf(m -> !inv.machines().containsKey(m.name()));
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
        filtered.setPredicate(q.matchesAll() ? null : m -> q.matches(m, inventory));
    }

    /** The rows to show: filtered, then sorted by {@link #comparatorProperty()}. */
    public ObservableList<Machine> rows() {
        return sorted;
    }

    /** Bind the table's comparator here so sorting happens on the filtered list, not on the table's copy. */
    public ObjectProperty<Comparator<? super Machine>> comparatorProperty() {
        return sorted.comparatorProperty();
    }

    /** The search box text: free text or the query language. */
    public StringProperty queryProperty() {
        return query;
    }

    /** Why the query does not parse, or empty. */
    public ReadOnlyStringProperty queryErrorProperty() {
        return queryError.getReadOnlyProperty();
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

    public void requestSelect(List<String> names) {
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
