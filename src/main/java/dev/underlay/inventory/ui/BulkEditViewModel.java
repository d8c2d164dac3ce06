package dev.underlay.inventory.ui;

import dev.underlay.inventory.BulkEdit;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * One change to every selected machine: tags and profiles to add or remove, optionally a new status. All or
 * nothing: a refused edit (an unknown profile, a forbidden status change) lists why and changes no machine.
 */
public final class BulkEditViewModel {
    private final InventoryModel model;
    private final TaskRunner tasks;
    private final Consumer<String> messages;
    private final ObservableList<Machine> selection;
    private final StringProperty addTags = new SimpleStringProperty(this, "addTags", "");
    private final StringProperty removeTags = new SimpleStringProperty(this, "removeTags", "");
    private final StringProperty addProfiles = new SimpleStringProperty(this, "addProfiles", "");
    private final StringProperty removeProfiles = new SimpleStringProperty(this, "removeProfiles", "");
    private final ObjectProperty<MachineStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public BulkEditViewModel(InventoryModel model, TaskRunner tasks, Consumer<String> messages,
                             ObservableList<Machine> selection) {
        this.model = model;
        this.tasks = tasks;
        this.messages = messages;
        this.selection = selection;
    }

    /** The edit the fields describe. */
    public BulkEdit edit() {
        return new BulkEdit(MachineText.words(addTags.get()), MachineText.words(removeTags.get()),
                MachineText.words(addProfiles.get()), MachineText.words(removeProfiles.get()), status.get());
    }

    /** Applies the edit to the selected machines in the background; the fields are cleared once it is written. */
    public void apply() {
        BulkEdit e = edit();
        List<String> names = selection.stream().map(Machine::name).toList();
        if (names.isEmpty()) {
            error.set("Select the machines to change first.");
            return;
        }
        if (e.isEmpty()) {
            error.set("Nothing to change: fill in tags or profiles to add or remove, or pick a status.");
            return;
        }
        error.set("");
        busy.set(true);
        tasks.submit("bulk-edit", () -> model.service().bulkEdit(names, e), inv -> {
            busy.set(false);
            clear();
            messages.accept("Changed " + MachinesViewModel.describe(names) + ".");
        }, ex -> {
            busy.set(false);
            error.set(ex instanceof InventoryValidationException ve
                    ? "Nothing changed: " + Refusals.describe(ve.violations())
                    : "Nothing changed: " + Failures.describe(ex));
        });
    }

    /** Empties the fields. */
    public void clear() {
        addTags.set("");
        removeTags.set("");
        addProfiles.set("");
        removeProfiles.set("");
        status.set(null);
        error.set("");
    }

    public StringProperty addTagsProperty() { return addTags; }
    public StringProperty removeTagsProperty() { return removeTags; }
    public StringProperty addProfilesProperty() { return addProfiles; }
    public StringProperty removeProfilesProperty() { return removeProfiles; }
    /** {@code null} leaves each machine's status as it is. */
    public ObjectProperty<MachineStatus> statusProperty() { return status; }
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
