package dev.underlay.automation.ui;

import dev.underlay.automation.facts.FactsDiff;
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
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
    private final ObjectProperty<MachineFacts> compared = new SimpleObjectProperty<>(this, "compared");
    private final ReadOnlyObjectWrapper<List<FactsDiff.Change>> changes =
            new ReadOnlyObjectWrapper<>(this, "changes", List.of());
    private final ReadOnlyStringWrapper changeSummary = new ReadOnlyStringWrapper(this, "changeSummary", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private String machine;

    /** Follows {@code machine}, the machine the form shows (null: none). */
    public MachineFactsViewModel(FactsService facts, TaskRunner tasks, ObservableValue<Machine> machine) {
        this.facts = facts;
        this.tasks = tasks;
        // each run is compared with the one before it unless another is chosen
        shown.addListener((o, a, b) -> {
            MachineFacts before = previous(b);
            if (compared.get() == before) {
                compare(); // the compared run stays: its listener will not run
            } else {
                compared.set(before); // compares through its listener, once
            }
        });
        compared.addListener((o, a, b) -> compare());
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

    private MachineFacts previous(MachineFacts f) {
        int i = f == null ? -1 : history.indexOf(f);
        return i < 0 || i + 1 >= history.size() ? null : history.get(i + 1);
    }

    private void compare() {
        MachineFacts now = shown.get();
        MachineFacts was = compared.get();
        if (now == null || was == null || now == was) {
            changes.set(List.of());
            changeSummary.set(now == null || history.size() < 2 ? ""
                    : was == null ? "The oldest run kept: choose a run to compare it with."
                    : "The same run is chosen on both sides.");
            return;
        }
        boolean older = was.gathered().isBefore(now.gathered());
        List<FactsDiff.Change> c = older ? FactsDiff.between(was, now) : FactsDiff.between(now, was);
        changes.set(c);
        String other = run(was);
        changeSummary.set(c.isEmpty() ? "Same facts as the run of " + other + "."
                : c.size() + (c.size() == 1 ? " fact differs" : " facts differ") + (older ? " since the run of "
                : " from the later run of ") + other + ":");
    }

    /** One line per changed fact, {@code Kernel: 6.8.0-40-generic -> 6.8.0-45-generic}, older value first. */
    public static List<String> changeLines(List<FactsDiff.Change> changes) {
        return changes.stream().map(FactsDiff.Change::toString).toList();
    }

    /** One line per fact of a run: OS, kernel, CPU, memory, disks, NICs, when and by which job. */
    public static List<String[]> rows(MachineFacts f) {
        return List.of(
                new String[] {"OS", f.os()},
                new String[] {"Kernel", f.kernel()},
                new String[] {"CPU", FactsDiff.cpu(f)},
                new String[] {"Memory", FactsDiff.gib(f.memoryBytes())},
                new String[] {"Disks", f.disks().stream().map(d -> d.name() + " " + FactsDiff.gib(d.sizeBytes()))
                        .collect(Collectors.joining(", "))},
                new String[] {"NICs", f.nics().stream().map(n -> n.name() + " " + FactsDiff.nic(n))
                        .collect(Collectors.joining("\n"))},
                new String[] {"Gathered", run(f)});
    }

    /** How a run is named in the history list: when, and by which job. */
    public static String run(MachineFacts f) {
        return WHEN.format(f.gathered()) + (f.job() == null ? "" : " by job #" + f.job());
    }

    public ObservableList<MachineFacts> history() {
        return history;
    }

    public ObjectProperty<MachineFacts> shownProperty() {
        return shown;
    }

    /** The run the shown one is compared with: by default the one before it, none for the oldest. */
    public ObjectProperty<MachineFacts> comparedProperty() {
        return compared;
    }

    /** What differs between the shown run and the compared one, older value first. */
    public ReadOnlyObjectProperty<List<FactsDiff.Change>> changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** The line above the changes: how many facts differ from which run, or that none do. */
    public ReadOnlyStringProperty changeSummaryProperty() {
        return changeSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
