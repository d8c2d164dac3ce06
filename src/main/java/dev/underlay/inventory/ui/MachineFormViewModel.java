package dev.underlay.inventory.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.underlay.inventory.ClusterRole;
import dev.underlay.inventory.Face;
import dev.underlay.inventory.ParamSource;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.MachineKind;
import dev.underlay.inventory.MachineStatus;
import dev.underlay.inventory.ParamResolver;
import dev.underlay.inventory.Violation;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * The machine form: the fields as text while being typed, an error per field, and save. A refused save keeps
 * every typed value and shows each {@link Violation} next to its field (by {@link Violation#field()}); checks
 * the service cannot make (a port that is not a number) are made here first, in the same way.
 */
public final class MachineFormViewModel {
    /** Text fields, in form order. Their ids are the violation field names. */
    public static final List<String> TEXT_FIELDS = List.of("name", "site", "rack", "u", "height", "address", "port",
            "user", "credential", "tags", "profiles", "params");
    /** Every field that can carry an error, in form order. */
    public static final List<String> FIELDS = List.of("name", "kind", "status", "site", "rack", "u", "height",
            "face", "address", "port", "user", "credential", "tags", "profiles", "params");

    /** What the form holds. */
    public enum Mode { EMPTY, EDIT, CREATE }

    private final InventoryModel model;
    private final TaskRunner tasks;
    private final Consumer<String> messages;
    private final Consumer<String> saved;

    private final Map<String, StringProperty> text = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ObjectProperty<MachineKind> kind = new SimpleObjectProperty<>(this, "kind", MachineKind.BARE_METAL);
    private final ObjectProperty<Face> face = new SimpleObjectProperty<>(this, "face", Face.FRONT);
    private final ObjectProperty<MachineStatus> status = new SimpleObjectProperty<>(this, "status", MachineStatus.NEW);
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.EMPTY);
    private final ReadOnlyObjectWrapper<Machine> original = new ReadOnlyObjectWrapper<>(this, "original");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper clusters = new ReadOnlyStringWrapper(this, "clusters", "");
    private final ReadOnlyStringWrapper cloud = new ReadOnlyStringWrapper(this, "cloud", "");
    private final ObservableList<ParamRow> params = FXCollections.observableArrayList();
    private final ObservableList<ClusterRole> clusterRoles = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper placement = new ReadOnlyBooleanWrapper(this, "placement", true);
    private String paramsAsLoaded = "";
    private boolean loading;

    /**
     * @param saved receives the machine's name after a successful save (the table selects it)
     */
    public MachineFormViewModel(InventoryModel model, TaskRunner tasks, Consumer<String> messages,
                                Consumer<String> saved) {
        this.model = model;
        this.tasks = tasks;
        this.messages = messages;
        this.saved = saved;
        for (String f : TEXT_FIELDS) {
            StringProperty p = new SimpleStringProperty(this, f, "");
            p.addListener((obs, o, n) -> touched());
            text.put(f, p);
        }
        for (String f : FIELDS) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        kind.addListener((obs, o, n) -> {
            placement.set(n != MachineKind.CLOUD);
            touched();
        });
        face.addListener((obs, o, n) -> touched());
        status.addListener((obs, o, n) -> touched());
        model.inventoryProperty().addListener((obs, o, n) -> refreshFrom(n));
    }

    private void touched() {
        if (!loading) {
            dirty.set(true);
        }
    }

    /** Shows a machine (or clears the form for {@code null}); discards what was typed. */
    public void edit(Machine m) {
        if (m == null) {
            fill(null, Mode.EMPTY);
        } else {
            fill(m, Mode.EDIT);
        }
    }

    /** Starts a new machine, pre-filled with sensible defaults. */
    public void create() {
        fill(Machine.builder("").build(), Mode.CREATE);
        original.set(null);
    }

    private void fill(Machine m, Mode to) {
        loading = true;
        try {
            Machine v = m == null ? Machine.builder("").build() : m;
            text.get("name").set(v.name());
            text.get("site").set(v.site());
            text.get("rack").set(v.rack());
            text.get("u").set(v.uPosition() == null ? "" : v.uPosition().toString());
            text.get("height").set(Integer.toString(v.uHeight()));
            text.get("address").set(v.address());
            text.get("port").set(Integer.toString(v.sshPort()));
            text.get("user").set(v.sshUser());
            text.get("credential").set(v.credential());
            text.get("tags").set(String.join(", ", v.tags()));
            text.get("profiles").set(String.join(", ", v.profiles()));
            paramsAsLoaded = ParamLines.format(v.params());
            text.get("params").set(paramsAsLoaded);
            kind.set(v.kind());
            face.set(v.face());
            status.set(v.status());
            original.set(m);
            mode.set(to);
            dirty.set(false);
            clearErrors();
            describe(m);
        } finally {
            loading = false;
        }
    }

    private void describe(Machine m) {
        describe(model.inventory(), m);
    }

    private void describe(Inventory inv, Machine m) {
        if (m == null || !inv.machines().containsKey(m.name())) {
            params.clear();
            clusterRoles.clear();
            clusters.set("");
            cloud.set("");
            return;
        }
        params.setAll(ParamResolver.resolve(inv, m).values().stream()
                .map(p -> new ParamRow(p.name(), p.displayValue(), p.source().describe(), profileOf(p.source())))
                .toList());
        clusterRoles.setAll(inv.clusterRoles(m.name()));
        clusters.set(inv.clusterRoles(m.name()).stream().map(r -> r.cluster() + " (" + r.role() + ")")
                .collect(Collectors.joining(", ")));
        cloud.set(m.cloudProvider().isEmpty() ? "" : m.cloudProvider() + " " + m.cloudRegion()
                + (m.instanceId().isEmpty() ? "" : ", instance " + m.instanceId()));
    }

    /** A new snapshot: follow the machine shown unless the technician is typing. */
    private void refreshFrom(Inventory inv) {
        Machine m = original.get();
        if (mode.get() != Mode.EDIT || m == null || busy.get()) {
            return;
        }
        Machine now = inv.machines().get(m.name());
        if (dirty.get()) {
            if (now != null) {
                describe(now);
            }
            return;
        }
        if (now == null) {
            fill(null, Mode.EMPTY);
        } else if (!now.equals(m)) {
            fill(now, Mode.EDIT);
        } else {
            describe(now);
        }
    }

    /** Adds a resolved param to the machine's own params, to be changed there (saved with the form). */
    public void override(ParamRow row) {
        if (row == null || mode.get() == Mode.EMPTY) {
            return;
        }
        StringProperty own = text.get("params");
        if (ParamLines.parse(own.get()).params().containsKey(row.name())) {
            return;
        }
        own.set((own.get().isBlank() ? "" : own.get().stripTrailing() + "\n") + row.name() + " = " + row.value());
    }

    /** Puts the loaded machine's values back. */
    public void revert() {
        if (mode.get() == Mode.CREATE) {
            create();
        } else {
            edit(original.get());
        }
    }

    /** Checks, then saves in the background; on refusal every typed value stays and errors show by field. */
    public void save() {
        if (mode.get() == Mode.EMPTY || busy.get()) {
            return;
        }
        clearErrors();
        Machine m = build();
        if (m == null) {
            formError.set("Fix the marked fields, then save again.");
            return;
        }
        boolean creating = mode.get() == Mode.CREATE;
        Machine read = creating ? null : original.get(); // a save over a change made meanwhile is refused
        busy.set(true);
        tasks.submit(creating ? "create-machine" : "update-machine",
                () -> creating ? model.service().createMachine(m) : model.service().updateMachine(read, m),
                inv -> {
                    busy.set(false);
                    fill(inv.machines().getOrDefault(m.name(), m), Mode.EDIT);
                    describe(inv, inv.machines().get(m.name())); // the property may still hold the older snapshot
                    messages.accept((creating ? "Created machine " : "Saved machine ") + m.name() + ".");
                    saved.accept(m.name());
                },
                e -> {
                    busy.set(false);
                    showFailure(e);
                });
    }

    private void showFailure(Throwable e) {
        if (e instanceof InventoryValidationException ve) {
            StringBuilder general = new StringBuilder();
            for (Violation v : ve.violations()) {
                ReadOnlyStringWrapper err = errors.get(v.field());
                if (err != null) {
                    err.set(err.get().isEmpty() ? v.message() : err.get() + "\n" + v.message());
                } else {
                    general.append(general.length() == 0 ? "" : "\n").append(v.message());
                }
            }
            formError.set(general.length() > 0 ? general.toString() : "Not saved: fix the marked fields.");
        } else {
            formError.set("Not saved: " + Failures.describe(e));
        }
    }

    /** The machine the fields describe, or {@code null} after marking the fields that do not parse. */
    private Machine build() {
        String name = value("name");
        if (name.isEmpty()) {
            errors.get("name").set("A machine needs a name.");
        }
        Integer u = optionalInt("u", "The U position is a whole number, such as 12 (or empty when not racked).");
        Integer height = optionalInt("height", "The height is a whole number of U, such as 2.");
        Integer port = optionalInt("port", "The SSH port is a whole number from 1 to 65535, such as 22.");
        List<String> tags = MachineText.words(value("tags"));
        List<String> profiles = MachineText.words(value("profiles"));
        Machine base = original.get() != null ? original.get() : Machine.builder(name).build();
        Map<String, JsonNode> own = base.params();
        if (!text.get("params").get().equals(paramsAsLoaded)) { // untouched lines keep the values exactly
            ParamLines.Parsed parsed = ParamLines.parse(text.get("params").get());
            own = parsed.params();
            if (!parsed.problems().isEmpty()) {
                errors.get("params").set(String.join("\n", parsed.problems()));
            }
        }
        if (errors.values().stream().anyMatch(p -> !p.get().isEmpty())) {
            return null;
        }
        boolean racked = kind.get() != MachineKind.CLOUD; // a cloud instance has no rack, U or face to keep
        return base.toBuilder().name(name).kind(kind.get()).status(status.get()).site(value("site"))
                .rack(racked ? value("rack") : "").uPosition(racked ? u : null).uHeight(height == null ? 1 : height)
                .face(racked ? face.get() : base.face()).address(value("address"))
                .sshPort(port == null ? Machine.DEFAULT_SSH_PORT : port).sshUser(value("user"))
                .credential(value("credential")).tags(tags).profiles(profiles).params(own).build();
    }

    /** The profile a resolved value came from (what opens on a double-click), or empty. */
    private static String profileOf(ParamSource s) {
        return switch (s.kind()) {
            case PROFILE, STAGE_PROFILE, CLUSTER_PROFILE, GLOBAL -> s.name();
            case MACHINE, STAGE, DEFAULT -> "";
        };
    }

    private String value(String field) {
        return text.get(field).get() == null ? "" : text.get(field).get().strip();
    }

    private Integer optionalInt(String field, String message) {
        String v = value(field);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.get(field).set(message);
            return null;
        }
    }

    private void clearErrors() {
        errors.values().forEach(p -> p.set(""));
        formError.set("");
    }

    /** The text of a field in {@link #TEXT_FIELDS}. */
    public StringProperty field(String name) {
        StringProperty p = text.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no text field " + name);
        }
        return p;
    }

    /** The error shown beside a field in {@link #FIELDS}, or empty. */
    public ReadOnlyStringProperty error(String name) {
        ReadOnlyStringWrapper p = errors.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return p.getReadOnlyProperty();
    }

    public ObjectProperty<MachineKind> kindProperty() { return kind; }
    public ObjectProperty<Face> faceProperty() { return face; }
    public ObjectProperty<MachineStatus> statusProperty() { return status; }
    /** An error not tied to one field (or the hint to look at the marked ones). */
    public ReadOnlyStringProperty formErrorProperty() { return formError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Mode> modeProperty() { return mode.getReadOnlyProperty(); }
    /** The machine as loaded (null when creating or empty). */
    public ReadOnlyObjectProperty<Machine> originalProperty() { return original.getReadOnlyProperty(); }
    /** True once anything was typed since the machine was loaded or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    /** True while a save runs. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** "fra1-k8s (worker)" for each cluster the machine belongs to. */
    public ReadOnlyStringProperty clustersProperty() { return clusters.getReadOnlyProperty(); }
    /** Provider, region and instance id of a cloud machine, or empty. */
    public ReadOnlyStringProperty cloudProperty() { return cloud.getReadOnlyProperty(); }
    /** The clusters the machine is in, with its role in each (each opens its editor). */
    public ObservableList<ClusterRole> clusterRoles() { return clusterRoles; }
    /** False for a cloud instance: rack, U, height and face do not apply and are not shown. */
    public ReadOnlyBooleanProperty placementProperty() { return placement.getReadOnlyProperty(); }
    /** The machine's params as resolved (own, profiles, clusters, global, defaults) with their sources. */
    public ObservableList<ParamRow> params() { return params; }
}
