package dev.underlay.racks;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Colours machines by the health their last health job set (green ok, amber warning, red critical, grey unknown
 * or never checked). A live colouring: {@link #update} takes the newest states from any thread (the facts service
 * after a health job) and tells the listeners, so the view redraws at its next pulse. States are the health ids
 * ({@code ok}, {@code warning}, {@code critical}, {@code unknown}), so the racks know no job engine.
 */
public final class HealthColouring implements MachineColouring {
    public static final LegendEntry OK = new LegendEntry("ok", Swatch.of(0x3d9a50));
    public static final LegendEntry WARNING = new LegendEntry("warning", Swatch.of(0xe0a526));
    public static final LegendEntry CRITICAL = new LegendEntry("critical", Swatch.of(0xd1453b));
    public static final LegendEntry UNKNOWN = new LegendEntry("unknown", Swatch.of(0x8c8c8c));

    private volatile Map<String, String> states = Map.of();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Replaces every machine's health (machine name to state id); a machine not named is unknown. */
    public void update(Map<String, String> newest) {
        states = Map.copyOf(newest);
        listeners.forEach(Runnable::run);
    }

    @Override
    public String id() {
        return "health";
    }

    @Override
    public String title() {
        return "Health";
    }

    @Override
    public LegendEntry entryFor(Machine m, Inventory inventory) {
        String s = states.get(m.name());
        if (s == null) {
            return UNKNOWN;
        }
        return switch (s) {
            case "ok" -> OK;
            case "warning" -> WARNING;
            case "critical" -> CRITICAL;
            default -> UNKNOWN;
        };
    }

    @Override
    public List<LegendEntry> legend(Inventory inventory, Collection<Machine> shown) {
        return List.of(OK, WARNING, CRITICAL, UNKNOWN);
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
