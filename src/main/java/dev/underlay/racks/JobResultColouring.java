package dev.underlay.racks;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Colours machines by where they stand in the last job that ran on them, live while it runs: grey waiting, blue
 * running, green ok, red failed, amber cancelled (or interrupted), light grey skipped, and a neutral "no job" for a
 * machine no job has touched. {@link #update} takes a host's new state from any thread (the job engine's listener)
 * and tells the listeners, so the view redraws at its next pulse, once per burst; {@link #fill} brings in what the
 * stored jobs say when the console opens. States are the host state ids ({@code waiting}, {@code active},
 * {@code done}, ...) so the racks know no job engine.
 */
public final class JobResultColouring implements MachineColouring {
    public static final LegendEntry WAITING = new LegendEntry("waiting", Swatch.of(0x9aa5b1));
    public static final LegendEntry RUNNING = new LegendEntry("running", Swatch.of(0x3b7dd8));
    public static final LegendEntry OK = new LegendEntry("ok", Swatch.of(0x3d9a50));
    public static final LegendEntry FAILED = new LegendEntry("failed", Swatch.of(0xd1453b));
    public static final LegendEntry CANCELLED = new LegendEntry("cancelled", Swatch.of(0xe0a526));
    public static final LegendEntry SKIPPED = new LegendEntry("skipped", Swatch.of(0xc4c9cf));
    public static final LegendEntry NO_JOB = new LegendEntry("no job yet", Swatch.of(0x6b7280));

    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Machine {@code host} is now in state {@code stateId} in the job running on it (any thread). */
    public void update(String host, String stateId) {
        if (!stateId.equals(states.put(host, stateId))) {
            listeners.forEach(Runnable::run);
        }
    }

    /**
     * The states the stored jobs give (machine name to state id, read when the console opens), for the machines no
     * live {@link #update} has reached meanwhile: a job that started while they were read is newer than they are.
     */
    public void fill(Map<String, String> stored) {
        boolean changed = false;
        for (Map.Entry<String, String> e : stored.entrySet()) {
            changed |= states.putIfAbsent(e.getKey(), e.getValue()) == null;
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    @Override
    public String id() {
        return "last-job";
    }

    @Override
    public String title() {
        return "Last job result";
    }

    @Override
    public LegendEntry entryFor(Machine m, Inventory inventory) {
        String s = states.get(m.name());
        if (s == null) {
            return NO_JOB;
        }
        return switch (s) {
            case "waiting" -> WAITING;
            case "active" -> RUNNING;
            case "done" -> OK;
            case "failed" -> FAILED;
            case "cancelled", "interrupted" -> CANCELLED;
            case "skipped" -> SKIPPED;
            default -> NO_JOB;
        };
    }

    @Override
    public List<LegendEntry> legend(Inventory inventory, Collection<Machine> shown) {
        return List.of(WAITING, RUNNING, OK, FAILED, CANCELLED, SKIPPED, NO_JOB);
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
