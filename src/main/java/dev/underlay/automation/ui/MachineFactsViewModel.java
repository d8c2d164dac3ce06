package dev.underlay.automation.ui;

import dev.underlay.automation.facts.FactsService;
import dev.underlay.automation.facts.MachineFacts;
import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.Machine;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The facts section of the machine form: the machine's gathered facts per run (newest first, read through the task
 * runner, never on the FX thread) and the run chosen to show, the newest by default.
 */
public final class MachineFactsViewModel {
    /** Runs kept in the history list. */
    static final int HISTORY = 20;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final FactsService facts;
    private final TaskRunner tasks;
    private final ObservableList<MachineFacts> history = FXCollections.observableArrayList();
    private final ObjectProperty<MachineFacts> shown = new SimpleObjectProperty<>(this, "shown");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private String machine;

    /** Follows {@code machine}, the machine the form shows (null: none). */
    public MachineFactsViewModel(FactsService facts, TaskRunner tasks, ObservableValue<Machine> machine) {
        this.facts = facts;
        this.tasks = tasks;
        machine.addListener((o, a, b) -> load(b == null ? null : b.name()));
        load(machine.getValue() == null ? null : machine.getValue().name());
    }

    /** Reads the machine's facts history again (after a facts job, say). */
    public void reload() {
        load(machine);
    }

    private void load(String name) {
        machine = name;
        history.clear();
        shown.set(null);
        if (name == null) {
            status.set("");
            return;
        }
        status.set("Reading facts of " + name + "...");
        tasks.submit("read facts of " + name, () -> facts.factsHistory(name, HISTORY), runs -> {
            if (name.equals(machine)) {
                history.setAll(runs);
                shown.set(runs.isEmpty() ? null : runs.get(0));
                status.set(runs.isEmpty() ? "No facts gathered for " + name + " yet: run the facts workflow on it."
                        : "");
            }
        }, e -> status.set("cannot read the facts of " + name + ": " + dev.underlay.ui.Failures.describe(e)));
    }

    /** One line per fact of a run: OS, kernel, CPU, memory, disks, NICs, when and by which job. */
    public static List<String[]> rows(MachineFacts f) {
        return List.of(
                new String[] {"OS", f.os()},
                new String[] {"Kernel", f.kernel()},
                new String[] {"CPU", f.cpus() + " x " + f.cpuModel()},
                new String[] {"Memory", gib(f.memoryBytes())},
                new String[] {"Disks", f.disks().stream().map(d -> d.name() + " " + gib(d.sizeBytes()))
                        .collect(Collectors.joining(", "))},
                new String[] {"NICs", f.nics().stream().map(n -> n.name() + " " + n.mac() + " "
                        + String.join(" ", n.addresses()) + " mtu " + n.mtu()).collect(Collectors.joining("\n"))},
                new String[] {"Gathered", run(f)});
    }

    /** How a run is named in the history list: when, and by which job. */
    public static String run(MachineFacts f) {
        return WHEN.format(f.gathered()) + (f.job() == null ? "" : " by job #" + f.job());
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    public ObservableList<MachineFacts> history() {
        return history;
    }

    public ObjectProperty<MachineFacts> shownProperty() {
        return shown;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
