package dev.underlay.inventory.ui;

import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.CatalogService;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.Violation;
import dev.underlay.ui.Failures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One catalog editor (sites, racks, credentials, params, profiles or clusters): the names, the chosen record's
 * fields as text with an error beside each, save, revert and delete. A refused save keeps every typed value and
 * shows each {@link Violation} beside its field; writes go through {@link CatalogService} on the task runner.
 *
 * @param <T> the record type
 */
public final class CatalogEditorViewModel<T> {
    /** What the form holds. */
    public enum Mode { EMPTY, EDIT, CREATE }

    private final EditorKind<T> kind;
    private final InventoryModel model;
    private final Supplier<CatalogService> catalog;
    private final TaskRunner tasks;
    private final Consumer<String> messages;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper(this, "selected");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.EMPTY);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private T original;
    private boolean loading;

    public CatalogEditorViewModel(EditorKind<T> kind, InventoryModel model, Supplier<CatalogService> catalog,
                                  TaskRunner tasks, Consumer<String> messages) {
        this.kind = kind;
        this.model = model;
        this.catalog = catalog;
        this.tasks = tasks;
        this.messages = messages;
        for (EditorField f : kind.fields()) {
            StringProperty p = new SimpleStringProperty(this, f.id(), "");
            p.addListener((obs, o, n) -> {
                if (!loading) {
                    dirty.set(true);
                }
            });
            text.put(f.id(), p);
            errors.put(f.id(), new ReadOnlyStringWrapper(this, f.id() + "Error", ""));
        }
        model.inventoryProperty().addListener((obs, o, n) -> refresh(n));
        refresh(model.inventory());
    }

    private void refresh(Inventory inv) {
        List<String> now = List.copyOf(kind.records(inv).keySet());
        if (!names.equals(now)) {
            names.setAll(now);
        }
        if (mode.get() != Mode.EDIT || busy.get()) {
            return;
        }
        T stored = kind.records(inv).get(selected.get());
        if (stored == null) {
            fill(null, Mode.EMPTY);
        } else if (!dirty.get() && !stored.equals(original)) {
            fill(stored, Mode.EDIT);
        } else {
            describe(original); // who uses it may have changed
        }
    }

    /** Shows the named record (nothing for null or an unknown name); discards what was typed. */
    public void select(String name) {
        T t = name == null ? null : kind.records(model.inventory()).get(name);
        if (t == null) {
            if (mode.get() != Mode.CREATE) {
                fill(null, Mode.EMPTY);
            }
            return;
        }
        selected.set(name);
        fill(t, Mode.EDIT);
    }

    /** An empty form for a new record, with the defaults filled in. */
    public void create() {
        selected.set(null);
        fill(null, Mode.CREATE);
    }

    private void fill(T t, Mode to) {
        loading = true;
        try {
            Map<String, String> values = kind.text(model.inventory(), t);
            text.forEach((id, p) -> p.set(values.getOrDefault(id, "")));
            original = t;
            mode.set(to);
            dirty.set(false);
            clearErrors();
            if (to == Mode.EMPTY) {
                selected.set(null);
            }
        } finally {
            loading = false;
        }
        describe(t);
    }

    private void describe(T t) {
        details.set("");
        if (t == null || catalog.get() == null) {
            return;
        }
        Inventory inv = model.inventory();
        tasks.submit("describe-" + kind.entity(), () -> kind.details(catalog.get(), inv, t), d -> {
            if (t.equals(original)) {
                details.set(d);
            }
        }, e -> details.set(Failures.describe(e)));
    }

    /** Puts the loaded values back (or the defaults of a new record). */
    public void revert() {
        fill(original, mode.get());
    }

    /** Checks, then writes in the background; on refusal everything typed stays and each reason shows by field. */
    public void save() {
        if (mode.get() == Mode.EMPTY || busy.get()) {
            return;
        }
        clearErrors();
        Map<String, String> values = new LinkedHashMap<>();
        text.forEach((id, p) -> values.put(id, p.get() == null ? "" : p.get()));
        Map<String, String> problems = new LinkedHashMap<>();
        T value = kind.parse(values, problems);
        if (!problems.isEmpty()) {
            problems.forEach((f, m) -> errors.getOrDefault(f, formError).set(m));
            if (formError.get().isEmpty()) {
                formError.set("Fix the marked fields, then save again.");
            }
            return;
        }
        boolean creating = mode.get() == Mode.CREATE;
        T read = creating ? null : original;
        char[] secret = kind.fields().stream().filter(f -> f.type() == EditorField.Type.SECRET)
                .map(f -> values.get(f.id())).findFirst().orElse("").toCharArray();
        busy.set(true);
        tasks.submit("save-" + kind.entity(), () -> kind.save(catalog.get(), read, value, secret), inv -> {
            busy.set(false);
            String name = nameOf(value, inv);
            selected.set(name);
            fill(kind.records(inv).getOrDefault(name, value), Mode.EDIT);
            messages.accept((creating ? "Created " : "Saved ") + kind.entity() + " " + name + ".");
        }, e -> {
            busy.set(false);
            showFailure(e, "Not saved");
        });
    }

    private String nameOf(T value, Inventory inv) {
        return kind.records(inv).entrySet().stream().filter(e -> e.getValue().equals(value))
                .map(Map.Entry::getKey).findFirst().orElse(text.get("name").get().strip());
    }

    /** Deletes the record shown (the view asks first); refused with the reason while something uses it. */
    public void delete() {
        String name = selected.get();
        if (mode.get() != Mode.EDIT || name == null || busy.get()) {
            return;
        }
        clearErrors();
        busy.set(true);
        tasks.submit("delete-" + kind.entity(), () -> catalog.get().delete(kind.entity(), name), inv -> {
            busy.set(false);
            fill(null, Mode.EMPTY);
            messages.accept("Deleted " + kind.entity() + " " + name + ".");
        }, e -> {
            busy.set(false);
            showFailure(e, "Not deleted");
        });
    }

    private void showFailure(Throwable e, String not) {
        if (e instanceof InventoryValidationException ve) {
            List<Violation> general = new java.util.ArrayList<>();
            for (Violation v : ve.violations()) {
                // the name is fixed while editing: a refusal of the whole record (stale, in use) goes on top
                boolean beside = v.entity().equals(kind.entity()) && errors.containsKey(v.field())
                        && !(v.field().equals("name") && mode.get() == Mode.EDIT);
                if (beside) {
                    ReadOnlyStringWrapper err = errors.get(v.field());
                    err.set(err.get().isEmpty() ? v.message() : err.get() + "\n" + v.message());
                } else {
                    general.add(v);
                }
            }
            formError.set(general.isEmpty() ? not + ": fix the marked fields." : Refusals.describe(general));
        } else {
            formError.set(not + ": " + Failures.describe(e));
        }
    }

    private void clearErrors() {
        errors.values().forEach(p -> p.set(""));
        formError.set("");
    }

    public EditorKind<T> kind() { return kind; }
    /** The snapshot the editor shows (for the choices of its fields). */
    public InventoryModel model() { return model; }
    public ObservableList<String> names() { return names; }
    /** The text of a field. */
    public StringProperty field(String id) {
        StringProperty p = text.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no field " + id + " in the " + kind.entity() + " editor");
        }
        return p;
    }
    /** The refusal shown beside a field, or empty. */
    public ReadOnlyStringProperty error(String id) {
        ReadOnlyStringWrapper p = errors.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no field " + id + " in the " + kind.entity() + " editor");
        }
        return p.getReadOnlyProperty();
    }
    /** A refusal not tied to one field (another record's rule, a stale read, a failed write). */
    public ReadOnlyStringProperty formErrorProperty() { return formError.getReadOnlyProperty(); }
    /** Who uses the record shown, and other facts beside its fields. */
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
    /** The name of the record shown, or null. */
    public ReadOnlyStringProperty selectedProperty() { return selected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The record as loaded, or null. */
    public T original() { return original; }
}
