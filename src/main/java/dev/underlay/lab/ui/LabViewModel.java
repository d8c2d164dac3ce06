package dev.underlay.lab.ui;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.inventory.NodeSet;
import dev.underlay.lab.FaultSpec;
import dev.underlay.lab.LabHost;
import dev.underlay.lab.LabService;
import dev.underlay.lab.LabStatus;
import dev.underlay.ssh.Endpoint;
import dev.underlay.ssh.HostKeyStore;
import dev.underlay.ssh.KnownHostsFileImport;
import dev.underlay.ssh.KnownHostsImport;
import dev.underlay.background.BackgroundTask;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/**
 * The Lab menu's state and actions: start (then trust the lab's host keys from its known_hosts, never
 * overwriting a stored key), stop, and live faults edited as {@link FaultSpec} text. All lab calls run on the
 * task runner; results come back on its callback thread.
 */
public final class LabViewModel {
    /** Fault presets offered beside the spec field: label and spec text. */
    public static final List<Preset> PRESETS = List.of(
            new Preset("10% refuse", "refuse:10%"),
            new Preset("5% slow 500ms", "slow=500ms:5%"),
            new Preset("fail uname on 10%", "fail=uname:10%"),
            new Preset("new host key on 5%", "hostkey:5%"),
            new Preset("clear", ""));

    /** A named fault spec. */
    public record Preset(String label, String spec) {
    }

    /**
     * The lab hosts one fault of the edited spec hits: the fault as the lab reads it, the hosts (sorted), the
     * hosts folded as a node set, and how many lab hosts there are.
     */
    public record FaultHit(int rule, String fault, List<String> hosts, String folded, int labHosts) {
    }

    /** What a start did about host keys; {@code conflicts} are the sentences of keys that were kept. */
    public record Started(LabStatus status, KnownHostsImport.Report trust) {
    }

    private final LabService lab;
    private final HostKeyStore hostKeys;
    private final Supplier<Inventory> inventory;
    private final Path labFolder;
    private final TaskRunner tasks;
    private final Consumer<String> messages;
    private final ReadOnlyObjectWrapper<LabStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Lab stopped");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final StringProperty faultText = new SimpleStringProperty(this, "faultText", "");
    private final ReadOnlyStringWrapper faultError = new ReadOnlyStringWrapper(this, "faultError", "");
    private final ReadOnlyObjectWrapper<List<FaultHit>> faultHits = new ReadOnlyObjectWrapper<>(this, "faultHits",
            List.of());
    private final ReadOnlyObjectWrapper<List<String>> conflicts = new ReadOnlyObjectWrapper<>(this, "conflicts",
            List.of());

    /**
     * @param labFolder {@code <data folder>/lab}
     * @param messages  one-sentence outcomes for the status bar
     */
    public LabViewModel(LabService lab, HostKeyStore hostKeys, Supplier<Inventory> inventory, Path labFolder,
                        TaskRunner tasks, Consumer<String> messages) {
        this.lab = lab;
        this.hostKeys = hostKeys;
        this.inventory = inventory;
        this.labFolder = labFolder;
        this.tasks = tasks;
        this.messages = messages;
        faultText.addListener((obs, o, n) -> {
            faultError.set(check(n));
            faultHits.set(hits(n));
        });
        show(lab.status());
    }

    public ReadOnlyObjectProperty<LabStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "Lab stopped" or "Lab: 41 hosts on ports 22001-22041, faults refuse:10%". */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean running() {
        return status.get() != null && status.get().running();
    }

    /** The fault spec being edited. */
    public StringProperty faultTextProperty() {
        return faultText;
    }

    /** The sentence saying what is wrong with the edited spec, or "". */
    public ReadOnlyStringProperty faultErrorProperty() {
        return faultError.getReadOnlyProperty();
    }

    /**
     * Per fault of the edited spec (when it parses), the lab hosts it hits: the lab machines of the inventory,
     * which a start serves. Empty while the spec does not parse.
     */
    public ReadOnlyObjectProperty<List<FaultHit>> faultHitsProperty() {
        return faultHits.getReadOnlyProperty();
    }

    /** Host keys in the lab's known_hosts that differ from stored ones (kept, not overwritten), after a start. */
    public ReadOnlyObjectProperty<List<String>> conflictsProperty() {
        return conflicts.getReadOnlyProperty();
    }

    /** Starts the lab on the inventory's machines tagged {@code lab} and trusts their keys. */
    public void start() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        Inventory inv = inventory.get();
        tasks.submit(BackgroundTask.of("start-lab", () -> {
            LabStatus s = lab.start(inv, labFolder, FaultSpec.NONE);
            KnownHostsImport.Report r = KnownHostsFileImport.run(hostKeys, s.knownHosts(), endpoints(inv));
            return new Started(lab.status(), r);
        }).onSuccess(this::started).onFailure(e -> {
            messages.accept("The lab did not start: " + Failures.describe(e));
            show(lab.status());
        }).onFinished(() -> busy.set(false)));
    }

    private void started(Started s) {
        show(s.status());
        KnownHostsImport.Report r = s.trust();
        List<String> kept = new ArrayList<>();
        for (String note : r.notes()) {
            if (note.contains("kept the inventory's key")) {
                kept.add(note);
            }
        }
        if (kept.isEmpty() && r.conflicts() > 0) {
            kept.addAll(r.notes()); // the import's wording changed: show every note rather than none
        }
        conflicts.set(List.copyOf(kept));
        messages.accept("Lab started: " + s.status().hosts() + " hosts on ports " + s.status().firstPort() + "-"
                + s.status().lastPort() + "; " + r.added() + " host keys trusted, " + r.known() + " already known"
                + (r.conflicts() > 0 ? ", " + r.conflicts() + " differ from stored keys (kept)." : "."));
    }

    /** Stops the lab. */
    public void stop() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        tasks.submit(BackgroundTask.of("stop-lab", () -> {
            lab.stop();
            return lab.status();
        }).onSuccess(s -> {
            show(s);
            messages.accept("Lab stopped.");
        }).onFailure(e -> messages.accept("The lab did not stop cleanly: " + Failures.describe(e)))
                .onFinished(() -> busy.set(false)));
    }

    /** Applies the edited fault spec to the running lab; refused (with the error shown) when it does not parse. */
    public boolean applyFaults() {
        String text = faultText.get() == null ? "" : faultText.get();
        String error = check(text);
        faultError.set(error);
        if (!error.isEmpty()) {
            return false;
        }
        if (!running()) {
            faultError.set("The lab is not running; start it before injecting faults.");
            return false;
        }
        FaultSpec spec = FaultSpec.parse(text);
        tasks.submit("lab-faults", () -> {
            lab.setFaults(spec);
            return lab.status();
        }, s -> {
            show(s);
            messages.accept(spec.rules().isEmpty() ? "Lab faults cleared." : "Lab faults now " + spec + ".");
        }, e -> messages.accept("Faults not applied: " + Failures.describe(e)));
        return true;
    }

    /**
     * Adds a preset's faults to the edited spec; one of the same fault (kind, and command for {@code fail}) is
     * replaced. The empty preset clears the spec.
     */
    public void usePreset(Preset p) {
        faultText.set(FaultItems.combine(faultText.get(), p.spec()));
    }

    /** Removes the {@code rule}-th fault of the edited spec (as {@link FaultHit#rule()} numbers them). */
    public void removeFault(int rule) {
        faultText.set(FaultItems.remove(faultText.get(), rule));
    }

    /** Refreshes the hosts each fault hits, for an inventory that changed while the dialog is open. */
    public void refreshHits() {
        faultHits.set(hits(faultText.get()));
    }

    private List<FaultHit> hits(String text) {
        FaultSpec spec;
        try {
            spec = FaultSpec.parse(text);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (spec.rules().isEmpty()) {
            return List.of();
        }
        List<String> names = inventory.get().machines().values().stream().filter(LabHost::served)
                .map(Machine::name).sorted().toList();
        List<List<String>> chosen = spec.hostsPerRule(names);
        List<FaultHit> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            out.add(new FaultHit(i, spec.rules().get(i).toString(), chosen.get(i), NodeSet.fold(chosen.get(i)),
                    names.size()));
        }
        return List.copyOf(out);
    }

    private static String check(String text) {
        try {
            FaultSpec.parse(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void show(LabStatus s) {
        status.set(s);
        if (s == null || !s.running()) {
            statusText.set("Lab stopped");
            return;
        }
        String faults = s.faults() == null || s.faults().isBlank() || s.faults().equals("none") ? "no faults"
                : "faults " + s.faults();
        statusText.set("Lab: " + s.hosts() + " hosts on ports " + s.firstPort() + "-" + s.lastPort() + ", " + faults);
    }

    private static List<Endpoint> endpoints(Inventory inv) {
        List<Endpoint> out = new ArrayList<>();
        for (Machine m : inv.machines().values()) {
            if (m.address() != null && !m.address().isBlank() && m.sshPort() > 0) {
                try {
                    out.add(new Endpoint(m.address(), m.sshPort()));
                } catch (IllegalArgumentException e) {
                    // a machine with an unusable address simply matches no known_hosts entry
                }
            }
        }
        return out;
    }
}
