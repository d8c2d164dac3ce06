package dev.underlay.racks;

import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.Machine;
import java.util.Collection;
import java.util.List;

/**
 * How the Racks area colours machines, with the legend that explains it. Status and role come with the inventory
 * ({@link StatusColouring}, {@link RoleColouring}); health, the last job's result and a running job's host states
 * are colourings the job engine adds: such a live colouring calls the listeners given to {@link #onChange} from any
 * thread when a machine's colour changes, and the view redraws at the next pulse (a burst of changes is one redraw).
 */
public interface MachineColouring {
    /** A stable id, such as {@code status}. */
    String id();

    /** What the colouring is called in the view's chooser. */
    String title();

    /** The legend entry of {@code m}: its colour and what the colour means. */
    LegendEntry entryFor(Machine m, Inventory inventory);

    /** The entries the legend lists for these machines, in the order it lists them. */
    List<LegendEntry> legend(Inventory inventory, Collection<Machine> shown);

    /** Registers a listener told when colours change without the inventory changing; static colourings ignore it. */
    default void onChange(Runnable listener) {
    }
}
