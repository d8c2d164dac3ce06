package dev.underlay.racks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The moves made in the Racks area, for undo and redo: a new move clears what could be redone, as in any editor.
 * Bounded: the oldest moves fall off past {@link #LIMIT}. Not thread-safe: the view model uses it on the FX thread.
 */
public final class MoveHistory {
    /** How many moves can be undone. */
    public static final int LIMIT = 200;

    /** One saved move. */
    public record Move(String machine, int height, Placement from, Placement to) {
        /** The move that takes it back. */
        public Move inverse() {
            return new Move(machine, height, to, from);
        }

        /** "fra1-web01 from fra1-r02 U30 front to fra1-r02 U12 front". */
        public String describe() {
            return machine + " from " + from.where(height) + " to " + to.where(height);
        }
    }

    private final Deque<Move> undo = new ArrayDeque<>();
    private final Deque<Move> redo = new ArrayDeque<>();

    /** Records a move the user made (not an undo or redo): what could be redone is forgotten. */
    public void made(Move m) {
        undo.push(m);
        redo.clear();
        while (undo.size() > LIMIT) { // bounded by LIMIT + 1
            undo.removeLast();
        }
    }

    /** The move an undo would take back. */
    public Optional<Move> nextUndo() {
        return Optional.ofNullable(undo.peek());
    }

    public Optional<Move> nextRedo() {
        return Optional.ofNullable(redo.peek());
    }

    /** The move at the top was undone: it can be redone. */
    public void undone() {
        redo.push(undo.pop());
    }

    /** The move at the top of the redo stack was made again. */
    public void redone() {
        undo.push(redo.pop());
    }

    /** The move at the top of the undo stack cannot be undone any more (the machine moved or went): drop it. */
    public void dropUndo() {
        undo.pop();
    }

    public void dropRedo() {
        redo.pop();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }
}
