package dev.underlay.ssh.ui;

import dev.underlay.inventory.Counted;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import dev.underlay.ssh.FanOut;
import dev.underlay.ssh.HostKeyReview;
import dev.underlay.ssh.HostKeyStatus;
import dev.underlay.ssh.HostKeyStore;
import dev.underlay.ssh.InventoryTargets;
import dev.underlay.ssh.SshTarget;
import dev.underlay.ssh.SshTransport;
import dev.underlay.background.TaskRunner;
import dev.underlay.ui.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Machines > Review host keys…: scans the selected machines' host keys in parallel and compares them with the
 * store. NEW keys are accepted together; CHANGED keys are never accepted here, only their stored key forgotten
 * (after a confirmation showing both fingerprints) and the machine scanned again.
 */
public final class HostKeyReviewViewModel {
    /** Longest wait for one scan of all machines (each connect has its own, shorter timeout). */
    private static final long SCAN_LIMIT_MINUTES = 10;

    private final Supplier<SshTransport> transport;
    private final HostKeyStore store;
    private final TaskRunner tasks;
    private final Inventory inventory;
    private final List<Machine> machines;
    private final Consumer<String> messages;
    private final ObservableList<HostKeyReview> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyIntegerWrapper newCount = new ReadOnlyIntegerWrapper(this, "newCount");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    /** @param transport asked for on the task runner's thread (it may start the SSH client) */
    public HostKeyReviewViewModel(Supplier<SshTransport> transport, HostKeyStore store, TaskRunner tasks,
                                  Inventory inventory, List<Machine> machines, Consumer<String> messages) {
        this.transport = transport;
        this.store = store;
        this.tasks = tasks;
        this.inventory = inventory;
        this.machines = List.copyOf(machines);
        this.messages = messages;
    }

    /** One review per machine, in the order given; machines without a target are FAILED with the reason. */
    public ObservableList<HostKeyReview> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Rows with status NEW: what "Accept N new keys" stores. */
    public ReadOnlyIntegerProperty newCountProperty() {
        return newCount.getReadOnlyProperty();
    }

    /** "41 machines: 3 new, 36 known, 2 changed". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Scans every machine again. */
    public void scan() {
        busy.set(true);
        summary.set("Scanning " + Counted.of(machines.size(), "machine") + "\u2026");
        tasks.submit("scan-host-keys", this::scanNow, this::show, e -> {
            busy.set(false);
            summary.set("The scan failed: " + Failures.describe(e));
        });
    }

    private List<HostKeyReview> scanNow() throws Exception {
        List<FanOut.Planned> plan = InventoryTargets.plan(inventory, machines);
        List<SshTarget> targets = new ArrayList<>();
        for (FanOut.Planned p : plan) {
            if (p.target() != null) {
                targets.add(p.target());
            }
        }
        List<HostKeyReview> scanned = targets.isEmpty() ? List.of()
                : transport.get().scanHostKeys(targets).get(SCAN_LIMIT_MINUTES, TimeUnit.MINUTES);
        List<HostKeyReview> out = new ArrayList<>(plan.size());
        int next = 0;
        for (FanOut.Planned p : plan) {
            out.add(p.target() != null ? scanned.get(next++) : new HostKeyReview(p.host(), null,
                    HostKeyStatus.FAILED, "", "", List.of(), null, p.problem()));
        }
        return out;
    }

    private void show(List<HostKeyReview> reviews) {
        busy.set(false);
        rows.setAll(reviews);
        int[] counts = new int[HostKeyStatus.values().length];
        reviews.forEach(r -> counts[r.status().ordinal()]++);
        newCount.set(counts[HostKeyStatus.NEW.ordinal()]);
        StringBuilder b = new StringBuilder(Counted.of(reviews.size(), "machine"));
        String sep = ": ";
        for (HostKeyStatus s : HostKeyStatus.values()) {
            if (counts[s.ordinal()] > 0) {
                b.append(sep).append(counts[s.ordinal()]).append(' ').append(s.name().toLowerCase(Locale.ROOT));
                sep = ", ";
            }
        }
        summary.set(b.toString());
    }

    /** Stores all NEW keys together, then scans again so the rows show them KNOWN. */
    public void acceptNew() {
        List<HostKeyReview> fresh = rows.stream().filter(r -> r.status() == HostKeyStatus.NEW).toList();
        if (fresh.isEmpty() || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.submit("accept-host-keys", () -> transport.get().accept(fresh), n -> {
            busy.set(false);
            messages.accept("Trusted " + n + " new host keys.");
            scan();
        }, e -> {
            busy.set(false);
            summary.set("The keys were not stored: " + Failures.describe(e));
        });
    }

    /** The confirmation text for forgetting a CHANGED row's stored key: both fingerprints. */
    public static String forgetQuestion(HostKeyReview r) {
        return r.name() + " (" + r.endpoint() + ") now presents\n    " + r.keyType() + " " + r.fingerprint()
                + "\nbut the store holds\n    " + String.join("\n    ", r.knownFingerprints())
                + "\n\nForget the stored key only if you know the host was reinstalled or its key replaced; the "
                + "machine is then scanned again and its new key shows as NEW, to be accepted.";
    }

    /** Forgets the stored keys of a CHANGED row's endpoint (after the person confirmed), then scans again. */
    public void forget(HostKeyReview r) {
        if (r.status() != HostKeyStatus.CHANGED || r.endpoint() == null || busy.get()) {
            return;
        }
        busy.set(true);
        tasks.submit("forget-host-key", () -> store.forget(r.endpoint()), n -> {
            busy.set(false);
            messages.accept("Forgot " + Counted.of(n, "stored host key") + " of " + r.name() + " ("
                    + r.endpoint() + ").");
            scan();
        }, e -> {
            busy.set(false);
            summary.set("The key was not forgotten: " + Failures.describe(e));
        });
    }
}
