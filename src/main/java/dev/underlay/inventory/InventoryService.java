package dev.underlay.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every change to the inventory goes through here, whoever asks (form, import, CLI, job). Checks the rules
 * against a candidate snapshot, writes nothing when any rule breaks, otherwise writes in one transaction and
 * publishes the new snapshot. Synchronous and toolkit-free: callers put it on a worker thread.
 */
public final class InventoryService {
    private final InventoryStore store;
    private final ParamSecrets secrets;
    private final List<Consumer<Inventory>> listeners = new CopyOnWriteArrayList<>();
    private volatile Inventory current;

    /** A service without a secret store: a change that carries a secure param value is refused. */
    public InventoryService(InventoryStore store) {
        this(store, null);
    }

    /** A service that seals the values of secure params with {@code secrets} before they are written. */
    public InventoryService(InventoryStore store, ParamSecrets secrets) {
        this.store = store;
        this.secrets = secrets;
        this.current = store.load();
    }

    /** The real and the displayed values of params (the only way to a secure param's plaintext). */
    public ParamValues paramValues() {
        return new ParamValues(store, secrets);
    }

    /**
     * Seals the secure values that an older Underlay stored in plain (before secure params were sealed, or before
     * their names counted as secret). Returns how many; 0 when there were none, and nothing is written then.
     */
    public synchronized int sealPlaintextAtRest() {
        InventoryChanges ch = ParamSealing.plaintextAtRest(current);
        if (ch.isEmpty()) {
            return 0;
        }
        apply(ch);
        return ch.sealedParams.size();
    }

    /** The current snapshot; cheap, never blocks. */
    public Inventory inventory() {
        return current;
    }

    /** Called with each new snapshot after a successful write, on the writer's thread. */
    public void addListener(Consumer<Inventory> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Inventory> listener) {
        listeners.remove(listener);
    }

    /** Re-reads the store, for when another writer may have changed it. */
    public synchronized Inventory reload() {
        current = store.load();
        publish();
        return current;
    }

    public synchronized Inventory createMachine(Machine m) {
        if (current.machines().containsKey(m.name())) {
            throw new InventoryValidationException(List.of(new Violation("machine", m.name(), "name",
                    "a machine named " + m.name() + " already exists")));
        }
        InventoryChanges ch = new InventoryChanges();
        ch.machines.add(m);
        return commitMachines(ch);
    }

    /**
     * Replaces {@code read} (the machine as the caller read it) with {@code m}, renaming it when the names differ.
     * Refused, with what changed, when the stored machine is no longer {@code read}: a form saved after an import or
     * another edit touched the same machine must not silently undo that change. A rename also renames the
     * machine wherever a param names it ({@link MachineReferences}) and in cluster memberships.
     */
    public synchronized Inventory updateMachine(Machine read, Machine m) {
        String originalName = read.name();
        Machine old = current.machines().get(originalName);
        if (old == null) {
            throw new InventoryValidationException(List.of(new Violation("machine", originalName, "name",
                    "machine " + originalName + " no longer exists (deleted meanwhile?)")));
        }
        if (!old.equals(read)) {
            throw new InventoryValidationException(List.of(new Violation("machine", originalName, "name",
                    "machine " + originalName + " was changed since it was read (" + RecordDiff.describe(read, old)
                            + "); reload it and make the change again")));
        }
        List<Violation> v = new ArrayList<>();
        if (!originalName.equals(m.name()) && current.machines().containsKey(m.name())) {
            v.add(new Violation("machine", m.name(), "name", "a machine named " + m.name() + " already exists"));
        }
        try {
            MachineStatus.transition(old.status(), m.status());
        } catch (IllegalStateException e) {
            v.add(new Violation("machine", m.name(), "status", "machine " + m.name() + ": " + e.getMessage()));
        }
        if (!v.isEmpty()) {
            throw new InventoryValidationException(v);
        }
        InventoryChanges ch = new InventoryChanges();
        ch.machines.add(m);
        if (!originalName.equals(m.name())) {
            ch.machineRenames.put(originalName, m.name());
            MachineReferences.rename(current, ch, originalName, m.name());
        }
        if (!ch.profiles.isEmpty()) {
            seal(ch);
            return commit(ch, current, true); // profiles that named the old name changed too: check everything
        }
        return commitMachines(ch);
    }

    /**
     * Deletes machines (and their cluster memberships). Refused while another machine or a profile still reaches
     * a host through one of them ({@link MachineReferences#BASTION}).
     */
    public synchronized Inventory deleteMachines(Collection<String> names) {
        InventoryChanges ch = new InventoryChanges();
        List<Violation> v = new ArrayList<>();
        for (String n : names) {
            if (current.machines().containsKey(n)) {
                ch.removedMachines.add(n);
                List<String> refs = MachineReferences.referencesTo(current, n, names);
                if (!refs.isEmpty()) {
                    v.add(new Violation("machine", n, "name", "machine " + n + " cannot be deleted while it is the "
                            + "bastion of " + String.join(", ", refs) + "; name another bastion there first"));
                }
            }
        }
        if (!v.isEmpty()) {
            throw new InventoryValidationException(v);
        }
        return commit(ch, current, false);
    }

    /** Applies one edit to many machines; all or nothing. */
    public synchronized Inventory bulkEdit(Collection<String> names, BulkEdit edit) {
        InventoryChanges ch = new InventoryChanges();
        List<Violation> v = new ArrayList<>();
        for (String n : names) {
            Machine m = current.machines().get(n);
            if (m == null) {
                v.add(new Violation("machine", n, "name", "machine " + n + " no longer exists"));
                continue;
            }
            try {
                ch.machines.add(edit.applyTo(m));
            } catch (IllegalStateException e) {
                v.add(new Violation("machine", n, "status", "machine " + n + ": " + e.getMessage()));
            }
        }
        if (!v.isEmpty()) {
            throw new InventoryValidationException(v);
        }
        return commitMachines(ch);
    }

    /**
     * The snapshot these changes would produce and the rules they would break; writes nothing. Changes that broke
     * none keep the result ({@link CheckedPreview}), so that applying them unchanged to the same snapshot (an
     * import's plan, then its apply) checks them once.
     */
    public Preview preview(InventoryChanges ch) {
        Inventory before = current;
        CheckedPreview checked = ch.checked;
        Inventory reused = checked == null ? null : checked.afterFor(before, ch);
        if (reused != null) {
            return new Preview(before, reused, List.of());
        }
        Object[][] contents = ch.contents();
        Inventory after = ch.applyTo(before);
        List<Violation> violations = InventoryRules.validateAll(after);
        ch.checked = violations.isEmpty() ? new CheckedPreview(before, after, contents) : null;
        return new Preview(before, after, violations);
    }

    /**
     * Applies arbitrary changes (imports, demo data), checking every rule over the whole result; changes
     * {@linkplain InventoryChanges#basedOn based on} an older snapshot are checked against it first.
     */
    public synchronized Inventory apply(InventoryChanges ch) {
        return apply(ch, ch.basis() != null ? ch.basis() : current);
    }

    /**
     * Applies changes that were worked out against {@code basis} (an import's preview): refused, naming what
     * changed, when an entity they replace or add was changed meanwhile, so that the preview the user approved is
     * exactly what is written. Every rule is checked over the whole result.
     */
    public synchronized Inventory apply(InventoryChanges ch, Inventory basis) {
        List<Violation> stale = Staleness.check(ch, basis, current);
        if (!stale.isEmpty()) {
            throw new InventoryValidationException(stale);
        }
        seal(ch);
        Preview p = preview(ch);
        if (!p.violations().isEmpty()) {
            throw new InventoryValidationException(p.violations());
        }
        store.apply(ch, p.before());
        current = p.after();
        publish();
        return current;
    }

    /** Before and after snapshots of a change, and the violations it would bring. */
    public record Preview(Inventory before, Inventory after, List<Violation> violations) {
    }

    /** Replaces the plaintext of secure params in {@code ch} by sealed values; refuses when it cannot. */
    private void seal(InventoryChanges ch) {
        List<Violation> plain = ParamSchemas.checkBeforeSealing(current, ch);
        if (!plain.isEmpty()) {
            throw new InventoryValidationException(plain);
        }
        List<Violation> v = ParamSealing.seal(current, ch, secrets, store);
        if (!v.isEmpty()) {
            throw new InventoryValidationException(v);
        }
    }

    private Inventory commitMachines(InventoryChanges ch) {
        seal(ch);
        // the sealed copies replaced the callers' machines in ch.machines: check those
        Collection<Machine> checked = List.copyOf(ch.machines);
        Inventory after = ch.applyTo(current);
        List<Violation> v = InventoryRules.validateMachines(after, checked);
        if (!v.isEmpty()) {
            throw new InventoryValidationException(v);
        }
        store.apply(ch, current);
        current = after;
        publish();
        return current;
    }

    private Inventory commit(InventoryChanges ch, Inventory before, boolean check) {
        Inventory after = ch.applyTo(before);
        if (check) {
            List<Violation> v = InventoryRules.validateAll(after);
            if (!v.isEmpty()) {
                throw new InventoryValidationException(v);
            }
        }
        store.apply(ch, before);
        current = after;
        publish();
        return current;
    }

    private void publish() {
        Inventory snapshot = current;
        for (Consumer<Inventory> l : listeners) {
            l.accept(snapshot);
        }
    }

    public InventoryStore store() {
        return store;
    }
}
