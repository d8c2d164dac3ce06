package dev.underlay.racks.ui;

import dev.underlay.background.TaskRunner;
import dev.underlay.inventory.Inventory;
import dev.underlay.inventory.InventoryValidationException;
import dev.underlay.inventory.Machine;
import dev.underlay.racks.ElevationGeometry;
import dev.underlay.racks.MoveCheck;
import dev.underlay.racks.MoveHistory;
import dev.underlay.racks.Placement;
import dev.underlay.racks.RackMoves;
import dev.underlay.ui.Failures;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Moving machines in the Racks area: each pointer move of a drag is checked by the inventory's rules against the
 * machines as the view read them ({@link RackMoves#check}, pure, one rack's worth of work); a drop the rules refuse
 * stays drawn where it landed with their reason; an allowed one is saved on a worker through
 * {@code updateMachine(read, changed)}, which refuses a machine changed since it was read. Saved moves can be undone
 * and redone, each again a checked, stale-safe save from where the machine is now. On the FX thread.
 */
public final class RackMovesViewModel {
    private final Supplier<RackMoves> moves;
    private final Supplier<Inventory> current;
    private final TaskRunner tasks;
    private final Consumer<String> messages;
    private final MoveHistory history = new MoveHistory();
    private final ReadOnlyObjectWrapper<MoveCheck> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<MoveCheck> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private ElevationGeometry geometry;

    RackMovesViewModel(Supplier<RackMoves> moves, Supplier<Inventory> current, TaskRunner tasks,
                       Consumer<String> messages) {
        this.moves = moves;
        this.current = current;
        this.tasks = tasks;
        this.messages = messages;
    }

    void elevationChanged(ElevationGeometry g) {
        this.geometry = g;
    }

    /** The machine as the shown elevation read it, or null. */
    private Machine read(String name) {
        return geometry == null ? null : geometry.elevation().inventory().machines().get(name);
    }

    /** A drag of {@code machine} is over {@code to}: checks it and shows the answer ({@link #previewProperty()}). */
    public MoveCheck drag(String machine, Placement to) {
        Machine m = read(machine);
        refusal.set(null);
        if (m == null || to == null) {
            preview.set(null);
            return null;
        }
        MoveCheck c = RackMoves.check(geometry.elevation().inventory(), m, to);
        preview.set(c);
        return c;
    }

    /** The drag left the racks or was cancelled. */
    public void cancelDrag() {
        preview.set(null);
    }

    /** Drops {@code machine} on {@code to}: refused where it lands, or saved. */
    public void drop(String machine, Placement to) {
        preview.set(null);
        Machine m = read(machine);
        if (m == null || to == null) {
            return;
        }
        if (busy.get()) {
            say("A move is still being saved; drop again in a moment.");
            return;
        }
        MoveCheck c = RackMoves.check(geometry.elevation().inventory(), m, to);
        if (c.unchanged()) {
            return;
        }
        if (!c.allowed()) {
            refusal.set(c);
            say("Refused: " + c.message() + ".");
            return;
        }
        save(m, to, "Moved ", () -> history.made(new MoveHistory.Move(m.name(), m.uHeight(), Placement.of(m), to)));
    }

    /** Takes the last move back, from where the machine is now; refused when it was moved since. */
    public void undo() {
        history.nextUndo().ifPresent(mv -> replay(mv, mv.inverse(), "undo", history::undone, history::dropUndo));
    }

    public void redo() {
        history.nextRedo().ifPresent(mv -> replay(mv, mv, "redo", history::redone, history::dropRedo));
    }

    private void replay(MoveHistory.Move recorded, MoveHistory.Move step, String verb, Runnable done,
                        Runnable drop) {
        if (busy.get()) {
            return;
        }
        Machine now = current.get().machines().get(recorded.machine());
        if (now == null || !Placement.of(now).equals(step.from())) {
            drop.run();
            updateFlags();
            say("Cannot " + verb + " the move of " + recorded.machine() + ": " + (now == null
                    ? "it no longer exists" : "it was moved since (it is at " + Placement.of(now)
                    .describe(now.uHeight()) + ")") + "; nothing changed.");
            return;
        }
        save(now, step.to(), verb.equals("undo") ? "Undid: moved " : "Redid: moved ", done);
    }

    private void save(Machine read, Placement to, String verb, Runnable onSaved) {
        busy.set(true);
        refusal.set(null);
        String what = read.name() + " from " + Placement.of(read).where(read.uHeight()) + " to "
                + to.where(read.uHeight());
        tasks.submit("move-machine", () -> moves.get().move(read, to), saved -> {
            busy.set(false);
            onSaved.run();
            updateFlags();
            say(verb + what + ".");
        }, e -> {
            busy.set(false);
            if (e instanceof InventoryValidationException v) {
                refusal.set(new MoveCheck(read, to, v.violations()));
            }
            say("Could not move " + read.name() + ": " + Failures.describe(e));
        });
    }

    private void updateFlags() {
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }

    private void say(String s) {
        message.set(s);
        messages.accept(s);
    }

    /** The check of the drag in progress, or null. */
    public ReadOnlyObjectProperty<MoveCheck> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The last drop refused, drawn where it landed until the next drag or save; or null. */
    public ReadOnlyObjectProperty<MoveCheck> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** What the last move, undo or refusal said. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while a move is being saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The moves that can be undone, newest first, as sentences (for the Undo button's tooltip). */
    public List<String> undoable() {
        return history.nextUndo().map(m -> List.of(m.describe())).orElse(List.of());
    }
}
